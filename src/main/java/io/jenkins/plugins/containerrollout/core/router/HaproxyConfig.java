package io.jenkins.plugins.containerrollout.core.router;

import java.nio.file.Path;

/**
 * Writes the HAProxy configuration {@link HaproxyRouter} expects: an admin socket, and per application a loopback
 * frontend and a backend of idle server slots ({@code server-template}) the router points at replica ports.
 *
 * <p>Usage: {@code Files.writeString(cfg, HaproxyConfig.render(Path.of("/run/haproxy/admin.sock"), "web", 8080, 16))}
 */
public final class HaproxyConfig {
    /**
     * What names an application's preview frontend and backend after its own: no application name has a dot
     * ({@code AppName}), so no application's backend can be another's preview.
     */
    public static final String PREVIEW_SUFFIX = ".preview";

    private HaproxyConfig() {
    }

    /**
     * @param adminSocket  where the runtime API listens ({@code level admin})
     * @param app          application (backend) name
     * @param frontendPort the loopback port clients use
     * @param slots        server slots: at least twice the replicas, so blue-green can run both colours
     */
    public static String render(Path adminSocket, String app, int frontendPort, int slots) {
        return render(adminSocket, app, frontendPort, slots, 0);
    }

    /**
     * Like {@link #render(Path, String, int, int)}, plus, when {@code metricsPort} is above 0, a loopback frontend
     * serving HAProxy's built-in Prometheus exporter at {@code http://127.0.0.1:metricsPort/metrics} (per-server
     * {@code haproxy_server_*} metrics, for a Prometheus that canary analysis queries).
     */
    public static String render(Path adminSocket, String app, int frontendPort, int slots, int metricsPort) {
        return render(adminSocket, app, frontendPort, slots, metricsPort, 0);
    }

    /**
     * Like {@link #render(Path, String, int, int, int)}, plus, when {@code previewPort} is above 0, a preview frontend
     * on {@code 127.0.0.1:previewPort} with its own backend of as many idle slots ({@code <app>.preview}): where a
     * blue-green release without auto-promotion serves before it is promoted.
     */
    public static String render(Path adminSocket, String app, int frontendPort, int slots, int metricsPort,
            int previewPort) {
        return String.join("\n",
                "global",
                "    stats socket " + adminSocket + " mode 600 level admin",
                "    maxconn 512",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 10s",
                "    timeout server 10s",
                "    retries 2",
                "    option redispatch",
                "frontend " + app,
                "    bind 127.0.0.1:" + frontendPort,
                "    default_backend " + app,
                "backend " + app,
                "    balance roundrobin",
                "    server-template s 1-" + slots + " 127.0.0.1:1 disabled",
                previewPort > 0 ? preview(app, previewPort, slots) : "",
                metricsPort > 0 ? metricsFrontend(metricsPort) : "");
    }

    /** The preview frontend and backend of {@code app}. */
    private static String preview(String app, int port, int slots) {
        String name = app + PREVIEW_SUFFIX;
        return String.join("\n",
                "frontend " + name,
                "    bind 127.0.0.1:" + port,
                "    default_backend " + name,
                "backend " + name,
                "    balance roundrobin",
                "    server-template p 1-" + slots + " 127.0.0.1:1 disabled");
    }

    /**
     * A frontend serving the Prometheus exporter on {@code 127.0.0.1:port/metrics}, for an existing configuration
     * (HAProxy 2.0+ built with it; Debian's is: {@code haproxy -vv} lists {@code prometheus-exporter}).
     */
    public static String metricsFrontend(int port) {
        return String.join("\n",
                "frontend Prometheus.metrics", // a name no application can have (AppName: lower case, no dots)
                "    bind 127.0.0.1:" + port,
                "    http-request use-service prometheus-exporter if { path /metrics }",
                "    http-request return status 404",
                "");
    }
}
