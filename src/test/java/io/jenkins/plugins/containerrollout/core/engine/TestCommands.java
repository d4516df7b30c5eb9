package io.jenkins.plugins.containerrollout.core.engine;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the engine, build and CLI tests share: run a tool (git, openssl) that must succeed; a free port. */
public final class TestCommands {
    private TestCommands() {
    }

    /** Runs {@code command} in {@code dir} and returns its output; fails the test on a non-zero exit. */
    public static String run(Path dir, String... command) {
        List<String> list = new ArrayList<>(List.of(command));
        TestBed.Result r = TestBed.run(list, dir);
        if (r.exitCode() != 0) {
            throw new AssertionError(list + " exited " + r.exitCode() + ": " + r.output());
        }
        return r.output();
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static int unusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
