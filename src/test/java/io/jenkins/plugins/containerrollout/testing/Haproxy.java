package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.router.HaproxyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private HAProxy (Debian's {@code /usr/sbin/haproxy}) run in the foreground with the configuration
 * {@link HaproxyConfig} renders: a loopback frontend, a backend of idle server slots, an admin socket. Stopped, and
 * its directory removed, by {@link #close()}.
 *
 * <p>Usage: {@code try (Haproxy h = Haproxy.start("web", 34500, 8)) { ... h.adminSocket() ... }}
 */
public final class Haproxy implements AutoCloseable {
    private final Path dir;
    private final Process process;
    private final int frontendPort;

    private Haproxy(Path dir, Process process, int frontendPort) {
        this.dir = dir;
        this.process = process;
        this.frontendPort = frontendPort;
    }

    /** Starts HAProxy with a backend named {@code backend} and waits (at most 10 s) for its admin socket. */
    public static Haproxy start(String backend, int frontendPort, int slots) throws IOException, InterruptedException {
        return start(backend, frontendPort, slots, false, 0);
    }

    /**
     * Like {@link #start(String, int, int)}, but with {@code retries 0} and without {@code option redispatch}: a
     * request whose connect fails, or that reaches a replica going away, fails the client instead of being retried on
     * another server, so a test sees every failure the deployer causes.
     */
    public static Haproxy startWithoutRetries(String backend, int frontendPort, int slots)
            throws IOException, InterruptedException {
        return start(backend, frontendPort, slots, true, 0);
    }

    /**
     * Like {@link #start(String, int, int)}, plus HAProxy's Prometheus exporter on
     * {@code http://127.0.0.1:metricsPort/metrics} ({@link HaproxyConfig#render(Path, String, int, int, int)}).
     */
    public static Haproxy startWithMetrics(String backend, int frontendPort, int slots, int metricsPort)
            throws IOException, InterruptedException {
        return start(backend, frontendPort, slots, false, metricsPort);
    }

    /**
     * Like {@link #startWithoutRetries}, plus a preview frontend on {@code 127.0.0.1:previewPort} with its backend
     * {@code <backend>.preview} ({@link HaproxyConfig#render(Path, String, int, int, int, int)}).
     */
    public static Haproxy startWithPreview(String backend, int frontendPort, int slots, int previewPort)
            throws IOException, InterruptedException {
        return start(backend, frontendPort, slots, true, 0, previewPort);
    }

    private static Haproxy start(String backend, int frontendPort, int slots, boolean noRetries, int metricsPort)
            throws IOException, InterruptedException {
        return start(backend, frontendPort, slots, noRetries, metricsPort, 0);
    }

    /**
     * One HAProxy, retries 0, with a frontend and backend per app: {@code apps.get(i)} on
     * {@code frontendPorts.get(i)} (the apps of a Compose stack behind one router, each backend named after its app).
     */
    public static Haproxy startForApps(java.util.List<String> apps, java.util.List<Integer> frontendPorts, int slots)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("haproxy");
        StringBuilder config = new StringBuilder(HaproxyConfig.render(dir.resolve("admin.sock"), apps.get(0),
                frontendPorts.get(0), slots));
        for (int i = 1; i < apps.size(); i++) {
            String more = HaproxyConfig.render(dir.resolve("admin.sock"), apps.get(i), frontendPorts.get(i), slots);
            config.append('\n').append(more.substring(more.indexOf("frontend " + apps.get(i))));
        }
        return launch(dir, config.toString(), true, frontendPorts.get(0));
    }

    private static Haproxy start(String backend, int frontendPort, int slots, boolean noRetries, int metricsPort,
            int previewPort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("haproxy");
        return launch(dir, HaproxyConfig.render(dir.resolve("admin.sock"), backend, frontendPort, slots, metricsPort,
                previewPort), noRetries, frontendPort);
    }

    private static Haproxy launch(Path dir, String rendered, boolean noRetries, int frontendPort)
            throws IOException, InterruptedException {
        Path cfg = dir.resolve("haproxy.cfg");
        String config = rendered;
        if (noRetries) {
            config = config.replaceAll("(?m)^\\s*retries \\d+$", "    retries 0").replaceAll("(?m)^\\s*option redispatch\\n", "");
            if (config.equals(rendered) || config.contains("redispatch") || !config.contains("retries 0")) {
                throw new IllegalStateException("HaproxyConfig no longer renders 'retries N' and 'option redispatch' "
                        + "as this override expects:\n" + rendered);
            }
        }
        Files.writeString(cfg, config);
        Process process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Haproxy haproxy = new Haproxy(dir, process, frontendPort);
        long until = System.currentTimeMillis() + 10_000;
        while (!Files.exists(haproxy.adminSocket()) && process.isAlive() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        if (!Files.exists(haproxy.adminSocket())) {
            String log = Files.readString(dir.resolve("haproxy.log"));
            haproxy.close();
            throw new IllegalStateException("haproxy did not start: " + log);
        }
        return haproxy;
    }

    /** The runtime API socket ({@code level admin}). */
    public Path adminSocket() {
        return dir.resolve("admin.sock");
    }

    /** The loopback port of its frontend. */
    public int frontendPort() {
        return frontendPort;
    }

    @Override
    public void close() throws InterruptedException {
        Cleanup.stopDaemon(process, dir, 5);
    }
}
