package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.router.HaproxyConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code container-rollout router-config}: writes the HAProxy configuration that {@code --router haproxy} expects
 * (a loopback frontend, a backend of idle server slots named after the app, an admin socket), so setting up the
 * router for blue-green and canary is one command followed by {@code haproxy -f FILE}.
 *
 * <p>Usage: {@code container-rollout router-config --app web --frontend-port 8080 --admin-socket /run/web.sock --out web.cfg}
 */
public final class RouterConfigCommand implements Command {
    private static final int DEFAULT_SLOTS = 16;
    private static final Options OPTIONS = new Options(
            EngineOptions.APP,
            Option.value("--frontend-port", "PORT", "the loopback port clients use").mandatory(),
            Option.value("--admin-socket", "PATH", "where HAProxy's runtime API listens (pass it as --router-socket)")
                    .mandatory(),
            Option.value("--slots", "N", "server slots; at least twice the replicas, so blue-green can run both"
                    + " colours (default " + DEFAULT_SLOTS + ")"),
            Option.value("--preview-port", "PORT", "also a loopback preview frontend and backend (APP.preview), where"
                    + " blue-green --no-auto-promote serves the new colour before 'promote' (pass it as"
                    + " --router-preview-port)"),
            Option.value("--out", "FILE", "where to write the configuration").mandatory());

    @Override
    public String name() {
        return "router-config";
    }

    @Override
    public String summary() {
        return "Write the HAProxy configuration that --router haproxy expects (frontend, server slots, admin socket).";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String app = EngineOptions.app(o);
        int port = EngineOptions.port(o, "--frontend-port");
        if (port == 0) {
            throw new UsageException("--frontend-port: 0 is not a port; give 1-65535");
        }
        int previewPort = EngineOptions.port(o, "--preview-port");
        if (previewPort == port) {
            throw new UsageException("--preview-port: " + port + " is the frontend's port; give another one");
        }
        int slots = o.positiveInt("--slots", DEFAULT_SLOTS);
        Path socket = Path.of(o.value("--admin-socket")).toAbsolutePath();
        Path out = Path.of(o.value("--out")).toAbsolutePath();
        if (Files.isDirectory(out)) {
            throw new UsageException("--out: " + out + " is a directory; give a file name such as haproxy.cfg");
        }
        Files.writeString(out, HaproxyConfig.render(socket, app, port, slots, 0, previewPort));
        terminal.err().println("wrote " + out + "; start it with: haproxy -f " + out);
        return new Written(out.toString(), socket.toString(), "http://127.0.0.1:" + port, app, slots,
                previewPort > 0 ? "http://127.0.0.1:" + previewPort : null);
    }

    /**
     * What {@code router-config} prints.
     *
     * @param config      the configuration file written
     * @param adminSocket the runtime API socket to pass as {@code --router-socket}
     * @param frontend    the URL clients (and canary analysis) use
     * @param backend     the backend name ({@code --router-backend}), the app's name
     * @param slots       server slots in the backend
     * @param preview     the preview frontend's URL ({@code --router-preview-port}), or null without one
     */
    public record Written(String config, String adminSocket, String frontend, String backend, int slots,
            String preview) {
    }
}
