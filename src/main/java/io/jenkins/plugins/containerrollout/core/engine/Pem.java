package io.jenkins.plugins.containerrollout.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
 * PEM certificates and keys into an {@link SSLContext}, with the JDK's own factories: docker-java's reader wants the
 * "BC" provider registered JVM-wide, which we must not do inside Jenkins. One piece of code for both sources of TLS
 * material, a certificate directory ({@link CertDirectory}) and PEM text from a credential ({@link TlsMaterial}).
 */
final class Pem {
    private static final char[] NO_PASSWORD = new char[0];

    private Pem() {
    }

    /** The PEM certificates in {@code pem}, in order; empty when it holds none. */
    static List<Certificate> certificates(InputStream pem) throws GeneralSecurityException {
        return List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(pem));
    }

    /**
     * The PKCS#1 ({@code BEGIN RSA/EC PRIVATE KEY}) or PKCS#8 ({@code BEGIN PRIVATE KEY}) key in {@code pem}, or null
     * when it holds none.
     */
    static PrivateKey privateKey(Reader pem) throws IOException {
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

    /**
     * A TLS context that trusts exactly {@code authorities} (the JDK's default trust store when null) and presents
     * {@code key} with {@code chain} when a key is given.
     */
    static SSLContext context(List<Certificate> authorities, PrivateKey key, List<Certificate> chain)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (authorities == null) {
            trust.init((KeyStore) null);
        } else {
            KeyStore store = emptyStore();
            int n = 0;
            for (Certificate ca : authorities) {
                store.setCertificateEntry("ca-" + n++, ca);
            }
            trust.init(store);
        }
        KeyManagerFactory keys = null;
        if (key != null) {
            KeyStore store = emptyStore();
            store.setKeyEntry("docker", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null);
        return store;
    }
}
