package io.jenkins.plugins.containerrollout.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run as the CLI benchmarks time it: from the process's start to its exit, which must be 0 (else the
 * benchmark stops with the command's output), bounded by 3 minutes.
 *
 * <p>Usage: {@code long ms = TimedProcess.millis(Map.of("XDG_CACHE_HOME", cache), List.of("bin/container-rollout", "--help"));}
 */
public final class TimedProcess {
    private TimedProcess() {
    }

    /** Runs {@code command} with {@code env} added to this process's environment; its wall time in milliseconds. */
    public static long millis(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("timed-process", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean ended = p.waitFor(3, TimeUnit.MINUTES);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (!ended || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return millis;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
