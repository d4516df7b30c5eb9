package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The test bed that {@code scripts/testbed up} starts: a loopback-only Docker engine and two registries on
 * 127.0.0.1 (open, and htpasswd-protected). Tests read its coordinates here and fail with a clear message when it is
 * not running, rather than skipping silently.
 *
 * <p>Usage: {@code String ref = TestBed.registry() + "/" + TestBed.unique("app") + ":1";}
 */
public final class TestBed {
    private TestBed() {
    }

    /** The engine under test, chosen like the docker CLI does (DOCKER_HOST, else the local socket). */
    public static DockerHost host() {
        return DockerHost.resolve(null, System.getenv());
    }

    /** {@code 127.0.0.1:5000}: the open registry. */
    public static String registry() {
        return System.getenv().getOrDefault("TESTBED_REGISTRY", "127.0.0.1:5000");
    }

    /** {@code 127.0.0.1:5001}: the registry that wants {@link #authUser()} / {@link #authPassword()}. */
    public static String authRegistry() {
        return System.getenv().getOrDefault("TESTBED_AUTH_REGISTRY", "127.0.0.1:5001");
    }

    public static String authUser() {
        return System.getenv().getOrDefault("TESTBED_AUTH_USER", "rollout");
    }

    public static String authPassword() {
        Path file = Path.of(System.getenv().getOrDefault("TESTBED_AUTH_PASSWORD_FILE",
                "/var/tmp/container-rollout-testbed/registry-password"));
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the authenticated registry's password is missing (" + file
                    + "): run scripts/testbed up", e);
        }
    }

    /** A name no other test (or earlier run) uses: lower case, safe for images, containers and apps. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs the docker CLI (the reference implementation) and returns its output; fails the test on a non-zero exit. */
    public static String docker(String... args) {
        Result r = dockerResult(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /**
     * Removes {@code imageId} as a user would right after a deploy replaced its replicas ({@code docker rmi -f}), once
     * no running container uses it: the deploy returned once those replicas were told to stop, and the engine refuses
     * to remove an image a running container uses, forced or not. Fails the test after 20 s.
     */
    public static void removeImageOnceUnused(String imageId) throws InterruptedException {
        awaitUntil(() -> docker("ps", "-q", "--filter", "ancestor=" + imageId).isBlank(),
                () -> "a container of " + imageId + " still runs 20 s after the deploy");
        docker("rmi", "-f", imageId);
    }

    /** Polls {@code done} every 50 ms until it holds; fails the test with {@code failure}'s message after 20 s. */
    public static void awaitUntil(BooleanSupplier done, Supplier<String> failure) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(50);
        }
    }

    /** Runs the docker CLI and returns exit code and combined output, whatever the exit code. */
    public static Result dockerResult(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(command, Path.of("."));
    }

    /**
     * Removes every container of the application {@code app} (replicas, records, lock), whatever state it is in, and
     * its volumes (state entries).
     */
    public static void removeApp(String app) {
        String label = "label=" + AppLabels.APP + "=" + app;
        docker("ps", "-aq", "--filter", label).lines().filter(id -> !id.isBlank())
                .forEach(id -> dockerResult("rm", "-f", id));
        docker("volume", "ls", "-q", "--filter", label).lines().filter(name -> !name.isBlank())
                .forEach(name -> dockerResult("volume", "rm", "-f", name));
    }

    /** Runs a command with a 5-minute bound; output is stdout and stderr combined. */
    public static Result run(List<String> command, Path dir) {
        try {
            Path out = Files.createTempFile("testbed-run", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile());
                pb.environment().put("DOCKER_BUILDKIT", "0");
                Process p = pb.start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " (is the test bed up? scripts/testbed up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** Exit code and combined output of a process. */
    public record Result(int exitCode, String output) {
    }
}
