package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.ClosedByInterruptException;
import javax.net.ssl.SSLException;

/**
 * Turns what docker-java throws when the engine cannot be talked to (a {@code RuntimeException} wrapping an
 * {@code IOException}, several levels deep) into one line a user can act on. Errors the engine itself reported (an
 * HTTP status with a message) are not connection failures and yield {@code null}.
 *
 * <p>Usage: {@code String why = EngineFailures.describe(host, e); if (why != null) throw new EngineException(why, e);}
 */
public final class EngineFailures {
    private EngineFailures() {
    }

    /**
     * Whether {@code failure} came from the engine or the way to it: an error the engine answered, or the engine
     * client failing to talk to it. Front-ends show those as "the Docker engine failed: ..." without knowing the
     * client's exception types, which stay in the engine packages.
     */
    public static boolean fromEngine(Throwable failure) {
        return failure instanceof DockerException || failure instanceof DockerClientException
                || (failure instanceof RuntimeException && failure.getCause() instanceof java.io.IOException);
    }

    /**
     * Describes a failure to reach or talk to {@code host}, or returns null when {@code failure} is not one.
     */
    public static String describe(DockerHost host, Throwable failure) {
        EngineUnreachableException unreachable = unreachable(host, failure);
        if (unreachable != null) {
            return unreachable.getMessage();
        }
        String at = "the Docker engine at " + host.uri();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof SSLException) {
                return tls(host, at, t, msg);
            }
            if (msg.contains("HTTP request to an HTTPS server")) {
                return at + " wants TLS — set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem)";
            }
            if (msg.contains("Connection reset") || msg.contains("Broken pipe")) {
                if (host.tlsVerify()) {
                    // with TLS 1.3 the engine rejects a client certificate after our side finished the handshake:
                    // we may see the connection drop before we can read its alert
                    return "TLS failure talking to " + at + ": the engine closed the connection (" + msg + ") — "
                            + clientCertificateHint(host);
                }
                return "lost the connection to " + at + " (" + msg + ")" + tlsHint(host);
            }
            if (t instanceof ClosedByInterruptException) {
                return null;
            }
        }
        return null;
    }

    /**
     * {@code failure} as "nothing answers at {@code host}" (no socket, connection refused, unknown host, ...), or
     * null when the engine was reached, or the failure is about TLS or something else. A failure that already is one
     * is returned as it is.
     */
    public static EngineUnreachableException unreachable(DockerHost host, Throwable failure) {
        EngineUnreachableException known = EngineUnreachableException.in(failure);
        if (known != null) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof SSLException || t instanceof ClosedByInterruptException) {
                return null;
            }
            String reason = reason(t, msg);
            if (reason != null) {
                String advice = reason.startsWith("permission denied") ? "is this user in the docker group?"
                        : reason.startsWith("unknown host") || reason.startsWith("no route") ? "is the address right?"
                        : "is dockerd running, and listening there?";
                return new EngineUnreachableException(host.uri(), reason, advice, failure);
            }
        }
        return null;
    }

    /** What happened at the address, in the engine user's words; null when {@code t} is no failure to connect. */
    private static String reason(Throwable t, String msg) {
        if (t instanceof ConnectException || msg.contains("Connection refused")) {
            return "nothing answers there (connection refused)";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + msg;
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof SocketTimeoutException && msg.toLowerCase().contains("connect")) {
            return "nothing answers there (the connection timed out)";
        }
        // a unix socket that is missing or closed to us fails its connect with these (java.net.SocketException)
        if ((t instanceof SocketException || t instanceof FileNotFoundException) && msg.contains("No such file or directory")) {
            return "nothing answers there (no such socket)";
        }
        if (t instanceof SocketException && msg.contains("Permission denied")) {
            return "permission denied on the socket";
        }
        return null;
    }

    private static String tls(DockerHost host, String at, Throwable t, String msg) {
        if (msg.contains("PKIX") || msg.contains("unable to find valid certification path")) {
            return "TLS failure talking to " + at + ": its certificate is not signed by " + trustedCa(host);
        }
        if (msg.contains("bad_certificate") || msg.contains("certificate_required") || msg.contains("unknown_ca")) {
            return "TLS failure talking to " + at + ": " + clientCertificateHint(host);
        }
        if (msg.contains("No subject alternative") || msg.contains("No name matching")) {
            return "TLS failure talking to " + at + ": its certificate does not name this host (" + msg + ")";
        }
        if (!host.tlsVerify() && (msg.contains("plaintext") || msg.contains("Unsupported or unrecognized SSL message"))) {
            return "TLS failure talking to " + at + ": " + msg;
        }
        return "TLS failure talking to " + at + ": " + msg + tlsHint(host);
    }

    /** The CA we trusted, and where to fix it. */
    private static String trustedCa(DockerHost host) {
        TlsMaterial tls = host.tls();
        if (tls != null) {
            return tls.caCertificate() == null ? "any CA this JVM trusts — add the engine's CA to " + tls.source()
                    : "the server CA certificate of " + tls.source();
        }
        return "the CA in ca.pem" + (host.certDirectory() == null ? "" : " in " + host.certDirectory()) + " (check DOCKER_CERT_PATH)";
    }

    private static String clientCertificateHint(DockerHost host) {
        TlsMaterial tls = host.tls();
        if (tls != null) {
            return tls.hasClientCertificate() ? "the engine rejected the client certificate of " + tls.source()
                    + " — is it signed by the engine's --tlscacert?"
                    : "the engine wants a client certificate and " + tls.source() + " has none";
        }
        String dir = host.certDirectory();
        if (dir != null && !Files.isRegularFile(Path.of(dir, "cert.pem"))) {
            return "the engine wants a client certificate and " + dir + " has no cert.pem/key.pem";
        }
        return "the engine rejected our client certificate (cert.pem/key.pem in " + dir
                + ") — is it signed by the engine's --tlscacert?";
    }

    private static String tlsHint(DockerHost host) {
        return host.tlsVerify() ? "" : " — does the engine want TLS? set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH";
    }
}
