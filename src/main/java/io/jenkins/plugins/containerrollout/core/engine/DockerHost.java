package io.jenkins.plugins.containerrollout.core.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which Docker engine to talk to, chosen the way the docker CLI chooses it: an explicit host, else
 * {@code DOCKER_HOST}, else the local socket; TLS from {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}.
 *
 * <p>Usage: {@code DockerHost host = DockerHost.resolve(null, System.getenv());}
 *
 * @param uri        {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2376}
 * @param tlsVerify  whether to use TLS with client certificates and verify the server
 * @param certPath   directory holding {@code ca.pem}, {@code cert.pem}, {@code key.pem} ({@code DOCKER_CERT_PATH});
 *                   null without TLS, with {@code tls}, or for the default {@code ~/.docker} of the machine that makes
 *                   the client (see {@link #certDirectory()})
 * @param tls        TLS material held in memory (from a credential), used instead of {@code certPath}; null for
 *                   none. Never in JSON: requests carrying a host end up in reports
 */
public record DockerHost(String uri, boolean tlsVerify, String certPath, @JsonIgnore TlsMaterial tls) implements Serializable {
    /** The engine every Debian docker.io package starts. */
    public static final String LOCAL = "unix:///var/run/docker.sock";

    /** In-memory material means TLS, and replaces any certificate directory. */
    public DockerHost {
        if (tls != null) {
            tlsVerify = true;
            certPath = null;
        }
    }

    /** A host whose TLS material, if any, comes from a certificate directory. */
    public DockerHost(String uri, boolean tlsVerify, String certPath) {
        this(uri, tlsVerify, certPath, null);
    }

    /** This engine, spoken to with TLS from {@code material} (in memory) instead of any certificate directory. */
    public DockerHost withTls(TlsMaterial material) {
        return new DockerHost(uri, true, null, material);
    }

    /**
     * Picks the host from an explicit value or the given environment.
     *
     * @param explicit a host given as a parameter; wins when not blank
     * @param env      environment variables ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH})
     */
    public static DockerHost resolve(String explicit, Map<String, String> env) {
        String uri = notBlank(explicit) ? explicit.trim() : notBlank(env.get("DOCKER_HOST")) ? env.get("DOCKER_HOST").trim() : LOCAL;
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        boolean tls = !verify.isBlank() && !verify.equals("0") && !verify.equalsIgnoreCase("false");
        String certPath = env.get("DOCKER_CERT_PATH");
        // no default here: the host is picked on the Jenkins controller, but the folder is read on the agent
        return new DockerHost(uri, tls, tls && notBlank(certPath) ? certPath.trim() : null);
    }

    /**
     * The certificate directory to read, resolved where this is called: {@code certPath}, or for TLS without one
     * the docker CLI's default {@code ~/.docker} of <em>this</em> machine's user (on a Jenkins agent, the agent's,
     * since the client is made in the agent task); null without TLS or with in-memory material.
     */
    public String certDirectory() {
        if (certPath != null || !tlsVerify || tls != null) {
            return certPath;
        }
        return Path.of(System.getProperty("user.home"), ".docker").toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
