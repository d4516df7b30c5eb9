package io.jenkins.plugins.containerrollout.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Bare replicas of the {@link TestImages} app, run with the docker CLI on the host network outside any deployer, for
 * tests of a router or a metrics pipeline in front of them. A replica is healthy ({@code GET /} answers 200), broken
 * (its {@code GET /} answers 500 from a busybox CGI written at start) or slow (a CGI answers 200 after a second);
 * {@code /version} answers in each case, so only an analysis of real answers can tell. All are removed by
 * {@link #close()}.
 *
 * <p>Usage: {@code try (Replicas r = new Replicas("web-1a2b")) { r.start(base, true); r.start(base + 1, false); ... }}
 */
public final class Replicas implements AutoCloseable {
    /** The CGI that replaces the index page of a broken replica. */
    private static final String BROKEN_INDEX = "#!/bin/sh\n"
            + "printf 'Status: 500 Internal Server Error\\r\\nContent-Type: text/plain\\r\\n\\r\\nbroken\\n'\n";
    /** The CGI that replaces the index page of a slow replica. */
    private static final String SLOW_INDEX = "#!/bin/sh\nsleep 1\nprintf 'Content-Type: text/plain\\r\\n\\r\\nslow\\n'\n";

    private final String name;
    private final List<String> containers = new ArrayList<>();

    /** Replicas whose container names start with {@code name} (a {@link TestBed#unique} name). */
    public Replicas(String name) {
        this.name = name;
    }

    /** Starts a replica on {@code 127.0.0.1:port} and waits (10 s at most) until it answers {@code /version}. */
    public void start(int port, boolean healthy) throws InterruptedException {
        start(port, healthy ? null : BROKEN_INDEX);
    }

    /** Starts a replica whose {@code GET /} answers 200 after a second. */
    public void startSlow(int port) throws InterruptedException {
        start(port, SLOW_INDEX);
    }

    private void start(int port, String index) throws InterruptedException {
        String container = name + "-" + port;
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", container, "--network", "host",
                "-e", "PORT=" + port));
        boolean healthy = index == null;
        if (!healthy) {
            // the script travels in the environment: no quoting of a script inside a shell command line
            args.addAll(List.of("-e", "INDEX_CGI=" + index, "--entrypoint", "/bin/sh"));
        }
        args.add(AppImages.app("1.0", true));
        if (!healthy) {
            args.addAll(List.of("-c", "rm /www/index.html && printf '%s' \"$INDEX_CGI\" >/www/cgi-bin/index.cgi"
                    + " && chmod 755 /www/cgi-bin/index.cgi && exec httpd -f -p 127.0.0.1:$PORT -h /www"));
        }
        containers.add(container);
        TestBed.docker(args.toArray(String[]::new));
        long until = System.currentTimeMillis() + 10_000;
        while (Loopback.version(port) == null) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("replica on port " + port + " did not answer: " + TestBed.dockerResult("logs",
                        container).output());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        containers.forEach(c -> TestBed.dockerResult("rm", "-f", c));
    }
}
