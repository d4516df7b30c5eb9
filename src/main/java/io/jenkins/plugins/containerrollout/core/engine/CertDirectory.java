package io.jenkins.plugins.containerrollout.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * TLS material the Docker way: a directory with {@code ca.pem} (required: the engine's certificate must chain to it)
 * and, optionally, {@code cert.pem} + {@code key.pem} (the client certificate the engine checks with
 * {@code --tlsverify}). Unlike docker-java's {@code LocalDirectorySSLConfig}, a missing file is an error naming it,
 * never a silent fall-back to plain HTTP.
 *
 * <p>Usage: {@code SSLContext ssl = CertDirectory.of(Path.of(host.certPath())).sslContext();}
 */
public final class CertDirectory implements com.github.dockerjava.core.SSLConfig {
    private static final long serialVersionUID = 1L;

    private final String dir;

    private CertDirectory(String dir) {
        this.dir = dir;
    }

    /** Checks that the files are there (ca.pem; cert.pem and key.pem both or neither). */
    public static CertDirectory of(Path dir) throws EngineException {
        if (!Files.isRegularFile(dir.resolve("ca.pem"))) {
            throw new EngineException("TLS is on but " + dir.resolve("ca.pem") + " is missing — set DOCKER_CERT_PATH to"
                    + " the directory holding ca.pem, cert.pem and key.pem");
        }
        boolean cert = Files.isRegularFile(dir.resolve("cert.pem"));
        boolean key = Files.isRegularFile(dir.resolve("key.pem"));
        if (cert != key) {
            throw new EngineException("TLS client certificate incomplete in " + dir + ": " + (cert ? "key.pem" : "cert.pem")
                    + " is missing");
        }
        return new CertDirectory(dir.toString());
    }

    /** Builds the context: trust only ca.pem, present the client certificate when there is one. */
    public SSLContext sslContext() throws EngineException {
        Path base = Path.of(dir);
        try {
            List<Certificate> authorities = certificates(base.resolve("ca.pem"));
            PrivateKey key = null;
            List<Certificate> chain = List.of();
            if (Files.isRegularFile(base.resolve("cert.pem"))) {
                try (Reader r = Files.newBufferedReader(base.resolve("key.pem"), StandardCharsets.US_ASCII)) {
                    key = Pem.privateKey(r);
                }
                chain = certificates(base.resolve("cert.pem"));
                if (key == null || chain.isEmpty()) {
                    throw new EngineException("cannot read the TLS client certificate in " + dir
                            + ": cert.pem or key.pem holds no PEM certificate/key");
                }
            }
            return Pem.context(authorities, key, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineException("cannot read the TLS material in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return Pem.certificates(in);
        }
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            return sslContext();
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
