package io.jenkins.plugins.containerrollout.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How test helpers and test classes let go of what they started: a foreground daemon with its private directory, and
 * several resources at once, none of them left running because an earlier one failed to close.
 *
 * <p>Usage: {@code @AfterClass public static void stop() throws Exception { Cleanup.closeAll(prometheus, haproxy, replicas); }}
 */
public final class Cleanup {
    private Cleanup() {
    }

    /** Stops {@code process} (killed after {@code seconds}) and removes {@code dir}. */
    public static void stopDaemon(Process process, Path dir, int seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
    }

    /** Closes each non-null resource in order; the first failure is thrown once all were tried. */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            try {
                if (r != null) {
                    r.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
