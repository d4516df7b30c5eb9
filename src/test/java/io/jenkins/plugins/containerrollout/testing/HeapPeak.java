package io.jenkins.plugins.containerrollout.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The peak heap a benchmark's work used: the sum of the heap pools' peak usage since {@link #reset()}. The pools peak at
 * different moments, so the sum is an upper bound of what was live at once; it includes the young generation as full
 * as it got before a collection, which is why the benchmarks run under the heap limit they claim ({@code -Xmx64m}):
 * finishing there without {@link OutOfMemoryError} is the proof, the peak says how close it came.
 *
 * <p>Usage: {@code HeapPeak.reset(); work(); String cell = HeapPeak.mb(HeapPeak.bytes()) + HeapPeak.under(64, false);}
 */
public final class HeapPeak {
    private HeapPeak() {
    }

    /** Collects garbage, so that what an earlier measurement left does not count, and restarts every heap pool's peak. */
    public static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last {@link #reset()} (or the JVM's start), in bytes. */
    public static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The heap limit of this JVM ({@code -Xmx}), in bytes. */
    public static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * {@code yes} when this JVM's heap limit is at most {@code capMb} and the work did not run out of it; {@code no}
     * when it did; else says the limit was not in force (a run without {@code -Xmx}, which proves nothing).
     */
    public static String under(int capMb, boolean ranOut) {
        if (ranOut) {
            return "no (OutOfMemoryError)";
        }
        return limit() <= capMb * 1048576L ? "yes" : "not shown (heap limit " + mb(limit()) + "; run with -Xmx" + capMb
                + "m)";
    }

    /** {@code 23.4 MB}: bytes in megabytes (2^20), for a table cell. */
    public static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
