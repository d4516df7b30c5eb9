package io.jenkins.plugins.containerrollout.core.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * TLS material for a {@code tcp://} engine held in memory as PEM text (a Jenkins "Docker Server Certificate"
 * credential), so the client key is never written to disk. It travels with the {@link DockerHost} inside requests;
 * {@link #toString()} never shows the key and JSON never carries any of it (requests and records end up in reports).
 *
 * <p>Usage: {@code DockerHost host = DockerHost.resolve(uri, env).withTls(new TlsMaterial("credentials 'docker'", ca, cert, key));}
 *
 * @param source            where the material comes from, named in error messages, e.g. {@code credentials 'docker'}
 * @param caCertificate     the CA the engine's certificate must chain to; null trusts the JVM's default CAs
 * @param clientCertificate the client certificate the engine checks with {@code --tlsverify}; null for none
 * @param clientKey         the client certificate's private key (PKCS#1 or PKCS#8); null for none. Secret.
 */
@JsonIgnoreType
public record TlsMaterial(String source, String caCertificate, String clientCertificate, @JsonIgnore String clientKey)
        implements Serializable {
    /** Blank PEM text counts as none (a credential's empty field). */
    public TlsMaterial {
        source = blank(source) ? "the TLS material" : source;
        caCertificate = blank(caCertificate) ? null : caCertificate;
        clientCertificate = blank(clientCertificate) ? null : clientCertificate;
        clientKey = blank(clientKey) ? null : clientKey;
    }

    /** Whether there is a client certificate to present. */
    public boolean hasClientCertificate() {
        return clientCertificate != null;
    }

    /** What is wrong with this material before any connection (a certificate without its key or the reverse), or null. */
    public String problem() {
        if ((clientCertificate == null) != (clientKey == null)) {
            return source + " has a client " + (clientKey == null ? "certificate but no client key" : "key but no client"
                    + " certificate") + " — give both or neither";
        }
        return null;
    }

    /**
     * Builds the context: trust only the CA (else the JVM's default CAs), present the client certificate when there is
     * one. Errors name the source and the part that is unreadable, never its text.
     */
    public SSLContext sslContext() throws EngineException {
        String problem = problem();
        if (problem != null) {
            throw new EngineException(problem);
        }
        List<Certificate> authorities = caCertificate == null ? null : certificates("server CA certificate", caCertificate);
        PrivateKey key = null;
        List<Certificate> chain = List.of();
        if (clientCertificate != null) {
            chain = certificates("client certificate", clientCertificate);
            try {
                key = Pem.privateKey(new StringReader(clientKey));
            } catch (IOException | RuntimeException e) {
                key = null; // the parser's message may quote the key: say only which part is wrong
            }
            if (key == null) {
                throw new EngineException("cannot read the client key of " + source + ": it holds no PEM private key"
                        + " (BEGIN PRIVATE KEY or BEGIN RSA/EC PRIVATE KEY)");
            }
        }
        try {
            return Pem.context(authorities, key, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineException("cannot use the TLS material of " + source + ": " + e.getMessage(), e);
        }
    }

    private List<Certificate> certificates(String part, String pem) throws EngineException {
        List<Certificate> found;
        try {
            found = Pem.certificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | RuntimeException e) {
            found = List.of();
        }
        if (found.isEmpty()) {
            throw new EngineException("cannot read the " + part + " of " + source + ": it holds no PEM certificate"
                    + " (BEGIN CERTIFICATE)");
        }
        return found;
    }

    /** Names the source and the parts present; never the key. */
    @Override
    public String toString() {
        return "TlsMaterial[" + source + (caCertificate == null ? ", default CAs" : ", server CA certificate")
                + (clientCertificate == null ? "" : ", client certificate") + (clientKey == null ? "" : ", client key ****") + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
