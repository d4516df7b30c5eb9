package io.jenkins.plugins.containerrollout.core.router;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a later command needs to reach an application's router again, recorded with the application's state in the
 * engine ({@link AppLabels#ROUTER} and its siblings on each state entry): the router's kind, its admin socket, the
 * backend holding the application's server slots, the frontend port (0 when unknown) and the preview port (0: none;
 * the preview backend is the application's backend name plus {@code .preview}). Nothing secret: the admin
 * socket is guarded by its file permissions, not by a password.
 *
 * <p>Usage: {@code TrafficRouter r = RouterSettings.haproxy("/run/haproxy/admin.sock", "web", 8080).open();}
 */
public record RouterSettings(String kind, String socket, String backend, int frontendPort, int previewPort)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The one kind of router there is: HAProxy through its runtime API. */
    public static final String HAPROXY = "haproxy";

    public RouterSettings {
        if (!HAPROXY.equals(kind) || socket == null || socket.isBlank() || backend == null || backend.isBlank()) {
            throw new RequestException("router: a recorded router is haproxy with a socket and a backend, not "
                    + kind + " " + socket + " " + backend);
        }
    }

    /** Settings without a preview address. */
    public RouterSettings(String kind, String socket, String backend, int frontendPort) {
        this(kind, socket, backend, frontendPort, 0);
    }

    /** An HAProxy router: its admin socket, the backend of the application, its frontend port (0: unknown). */
    public static RouterSettings haproxy(String socket, String backend, int frontendPort) {
        return haproxy(socket, backend, frontendPort, 0);
    }

    /** An HAProxy router with a preview frontend on {@code previewPort} (0: none). */
    public static RouterSettings haproxy(String socket, String backend, int frontendPort, int previewPort) {
        return new RouterSettings(HAPROXY, socket, backend, frontendPort, previewPort);
    }

    /** The router these settings name. */
    public TrafficRouter open() {
        return new HaproxyRouter(Path.of(socket), frontendPort, backend, previewPort);
    }

    /** For people: {@code haproxy at /run/haproxy/admin.sock (backend web, frontend 127.0.0.1:8080)}. */
    public String describe() {
        return kind + " at " + socket + " (backend " + backend
                + (frontendPort > 0 ? ", frontend 127.0.0.1:" + frontendPort : "")
                + (previewPort > 0 ? ", preview 127.0.0.1:" + previewPort : "") + ")";
    }

    /** The command-line options that give this router again. */
    public String options() {
        return "--router " + kind + " --router-socket " + socket + " --router-backend " + backend
                + (frontendPort > 0 ? " --router-frontend-port " + frontendPort : "")
                + (previewPort > 0 ? " --router-preview-port " + previewPort : "");
    }

    /** The step parameter that gives this router again (a step's backend is always named after the application). */
    public String stepParameter() {
        return "router: " + kind + "(socket: '" + socket + "'" + (frontendPort > 0 ? ", frontendPort: " + frontendPort : "")
                + (previewPort > 0 ? ", previewPort: " + previewPort : "") + ")";
    }

    /** Writes these settings into a state entry's labels. */
    public void putLabels(Map<String, String> labels) {
        labels.put(AppLabels.ROUTER, kind);
        labels.put(AppLabels.ROUTER_SOCKET, socket);
        labels.put(AppLabels.ROUTER_BACKEND, backend);
        labels.put(AppLabels.ROUTER_FRONTEND_PORT, String.valueOf(frontendPort));
        labels.put(AppLabels.ROUTER_PREVIEW_PORT, String.valueOf(previewPort));
    }

    /** The settings a state entry's labels record, or null when it records no router (or was written before any). */
    public static RouterSettings fromLabels(Map<String, String> labels) {
        if (labels.get(AppLabels.ROUTER) == null) {
            return null;
        }
        return new RouterSettings(labels.get(AppLabels.ROUTER), labels.get(AppLabels.ROUTER_SOCKET),
                labels.get(AppLabels.ROUTER_BACKEND), Integer.parseInt(labels.getOrDefault(AppLabels.ROUTER_FRONTEND_PORT,
                "0")), Integer.parseInt(labels.getOrDefault(AppLabels.ROUTER_PREVIEW_PORT, "0")));
    }
}
