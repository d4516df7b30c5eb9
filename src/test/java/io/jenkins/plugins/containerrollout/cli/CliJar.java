package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged CLI ({@code target/container-rollout-cli.jar}) as a process of its own, for the failsafe ITs that run
 * after {@code package}: run to its end, or started and left running (to be killed).
 *
 * <p>Usage: {@code TestBed.Result r = CliJar.run(dir, "status", "--app", "web");}
 */
final class CliJar {
    static final Path JAR = Path.of(System.getProperty("project.basedir", "."), "target/container-rollout-cli.jar");

    private CliJar() {
    }

    /** Runs the jar in {@code dir} to its end (bounded like {@link TestBed#run}). */
    static TestBed.Result run(Path dir, String... args) {
        return runWith(dir, List.of(), args);
    }

    /** As {@link #run}, the JVM started with {@code jvmOptions} too. */
    static TestBed.Result runWith(Path dir, List<String> jvmOptions, String... args) {
        TestBed.Result r = TestBed.run(command(jvmOptions, args), dir);
        if (r.output().contains("NoClassDefFoundError")) {
            // docker-java-core needs Guava at run time; inside Jenkins, core supplies it, but the CLI jar must carry it
            throw new AssertionError("the CLI jar lacks a library (is com.google.guava excluded from the shade plugin?): "
                    + r.output().lines().filter(l -> l.contains("NoClassDefFoundError")).findFirst().orElse(""));
        }
        return r;
    }

    /** Starts the jar in {@code dir}, its stdout and stderr going to {@code log}, and returns at once. */
    static Process start(Path dir, Path log, String... args) throws IOException {
        return new ProcessBuilder(command(List.of(), args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static List<String> command(List<String> jvmOptions, String... args) {
        assertTrue("no " + JAR + ": failsafe runs after package, so the shade plugin did not write it",
                Files.isRegularFile(JAR));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
