package io.jenkins.plugins.containerrollout.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spread of a benchmark's timings (milliseconds): fewest, median, most. The benchmarks print all three, not the
 * median alone, and call a difference between two sides "within noise" when their ranges overlap: then one side's
 * slowest run was slower than the other side's fastest, and the runs do not order the sides.
 *
 * <p>Usage: {@code Spread ours = Spread.of(samples); table.append(ours.cell()).append(ours.against(theirs));}
 *
 * @param min    the fastest run
 * @param median the middle run (the mean of the two middle ones for an even count)
 * @param max    the slowest run
 */
public record Spread(long min, long median, long max) {
    /** The spread of {@code samples}; at least one. */
    public static Spread of(List<Long> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Long> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(sorted.get(0), median, sorted.get(n - 1));
    }

    /**
     * The median of the per-run ratios {@code ours[i] / (factor x theirs[i])} (the upper middle one for an even
     * count): each run measured both sides under about the same load, so a ratio per run is fairer than a ratio of
     * medians. {@code factor} turns one measured batch into a floor of that many batches.
     */
    public static double medianRatio(List<Long> ours, List<Long> theirs, int factor) {
        if (ours.isEmpty() || ours.size() != theirs.size()) {
            throw new IllegalArgumentException("one sample of each side per run: " + ours + " / " + theirs);
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            ratios.add(ours.get(i) / (double) (factor * theirs.get(i)));
        }
        ratios.sort(null);
        return ratios.get(ratios.size() / 2);
    }

    /** The same runs repeated {@code times} over (a floor made of several batches). */
    public Spread times(int times) {
        return new Spread(min * times, median * times, max * times);
    }

    /** {@code min / median / max ms}, for a table cell. */
    public String cell() {
        return String.format(Locale.ROOT, "%d / %d / %d ms", min, median, max);
    }

    /** Whether the two ranges overlap, so that the runs cannot tell which side is faster. */
    public boolean overlaps(Spread other) {
        return min <= other.max && other.min <= max;
    }

    /** {@code within noise}, else {@code faster} or {@code slower}: this side against {@code other}. */
    public String against(Spread other) {
        return overlaps(other) ? "within noise" : median < other.median ? "faster" : "slower";
    }
}
