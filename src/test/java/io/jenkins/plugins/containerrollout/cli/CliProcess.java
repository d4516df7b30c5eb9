package io.jenkins.plugins.containerrollout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI run as a JVM of its own ({@code java -cp <this test run's classpath> ...Main}), to its end, with stdout and
 * stderr apart: what a second shell, agent or script sees, sharing nothing in memory with the JVM that ran before it.
 * Engine tests use it without packaging the jar first ({@link CliJar} is for the ITs that run after package).
 *
 * <p>Usage: {@code CliRun r = CliProcess.run(CliApps.env(), "status", "--app", "web");}
 */
final class CliProcess {
    private CliProcess() {
    }

    /** Runs {@code container-rollout args...} with only {@code env} added to this JVM's environment, bounded to 3 min. */
    static CliRun run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(3, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: container-rollout " + String.join(" ", args));
                }
                return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot start a JVM for the CLI", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: container-rollout " + String.join(" ", args), e);
        }
    }
}
