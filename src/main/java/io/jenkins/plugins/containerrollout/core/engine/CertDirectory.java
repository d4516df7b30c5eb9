package io.jenkins.plugins.containerrollout.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

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
    private static final char[] NO_PASSWORD = new char[0];

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
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore authorities = emptyStore();
            int n = 0;
            for (Certificate ca : certificates(base.resolve("ca.pem"))) {
                authorities.setCertificateEntry("ca-" + n++, ca);
            }
            trust.init(authorities);
            KeyManagerFactory keys = null;
            if (Files.isRegularFile(base.resolve("cert.pem"))) {
                KeyStore store = emptyStore();
                PrivateKey key;
                try (Reader r = Files.newBufferedReader(base.resolve("key.pem"), StandardCharsets.US_ASCII)) {
                    key = privateKey(r);
                }
                List<Certificate> chain = certificates(base.resolve("cert.pem"));
                if (key == null || chain.isEmpty()) {
                    throw new EngineException("cannot read the TLS client certificate in " + dir
                            + ": cert.pem or key.pem holds no PEM certificate/key");
                }
                store.setKeyEntry("docker", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, NO_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineException("cannot read the TLS material in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null);
        return store;
    }

    /** The PEM certificates of a file, read by the JDK (docker-java's reader needs a JVM-wide "BC" provider). */
    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    /**
     * Reads a PKCS#1 ({@code BEGIN RSA/EC PRIVATE KEY}) or PKCS#8 ({@code BEGIN PRIVATE KEY}) key with the JDK's own
     * key factories: docker-java's reader wants the "BC" provider registered JVM-wide, which we must not do inside
     * Jenkins.
     */
    private static PrivateKey privateKey(Reader pem) throws IOException {
        try (PEMParser parser = new PEMParser(pem)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            return null;
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
