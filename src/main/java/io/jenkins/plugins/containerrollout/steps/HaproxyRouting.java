package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * HAProxy in front of the replicas, driven through its runtime API on the agent: a backend named like the
 * application with free server slots (see {@code HaproxyConfig}), and an admin socket ({@code level admin}).
 *
 * <p>Usage: {@code router: haproxy(socket: '/run/haproxy/admin.sock', frontendPort: 8080)}
 */
public final class HaproxyRouting extends TrafficRouting {
    private static final long serialVersionUID = 1L;
    /** Debian's haproxy package puts its admin socket here. */
    public static final String DEFAULT_SOCKET = "/run/haproxy/admin.sock";

    private String socket = DEFAULT_SOCKET;
    private int frontendPort;
    private int previewPort;

    @DataBoundConstructor
    public HaproxyRouting() {
    }

    public String getSocket() {
        return socket;
    }

    /** The admin socket on the agent, an absolute path. */
    @DataBoundSetter
    public void setSocket(String socket) {
        this.socket = socket == null || socket.isBlank() ? DEFAULT_SOCKET : socket.strip();
    }

    public int getFrontendPort() {
        return frontendPort;
    }

    /** The loopback port of HAProxy's frontend for the application; canary analysis sends its requests there. */
    @DataBoundSetter
    public void setFrontendPort(int frontendPort) {
        this.frontendPort = frontendPort;
    }

    public int getPreviewPort() {
        return previewPort;
    }

    /**
     * The loopback port of HAProxy's preview frontend ({@code <app>.preview} backend): where a paused blue-green's new
     * colour alone answers ({@code blueGreen(autoPromote: false)}); 0 (default): none.
     */
    @DataBoundSetter
    public void setPreviewPort(int previewPort) {
        this.previewPort = previewPort;
    }

    /** What is wrong with the socket path, or null. */
    static String problem(String socket) {
        return socket == null || socket.isBlank() || socket.strip().startsWith("/") ? null
                : "socket: '" + socket.strip() + "' must be the absolute path of HAProxy's admin socket on the agent, e.g. "
                        + DEFAULT_SOCKET;
    }

    @Override
    public RouterSettings settings(String app) {
        String problem = problem(socket);
        if (problem != null) {
            throw new RequestException(problem);
        }
        if (frontendPort < 0 || frontendPort > 65535) {
            throw new RequestException("frontendPort: " + frontendPort + " is not a port; use 1 to 65535, or 0 when unknown");
        }
        if (previewPort < 0 || previewPort > 65535 || previewPort > 0 && previewPort == frontendPort) {
            throw new RequestException("previewPort: " + previewPort + " is not a port of its own; use 1 to 65535, other "
                    + "than frontendPort, or 0 for no preview");
        }
        return RouterSettings.haproxy(socket.strip(), app, frontendPort, previewPort);
    }

    /**
     * {@code haproxy} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code router: haproxy()}
     */
    @Extension
    @Symbol("haproxy")
    public static final class DescriptorImpl extends Descriptor<TrafficRouting> {
        @Override
        public String getDisplayName() {
            return Messages.get("HaproxyRouting.displayName");
        }

        /** A relative path. */
        @POST
        public FormValidation doCheckSocket(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                String problem = problem(value);
                if (problem != null) {
                    throw new RequestException(problem);
                }
            });
        }
    }
}
