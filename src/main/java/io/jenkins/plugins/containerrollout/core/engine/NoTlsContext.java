package io.jenkins.plugins.containerrollout.core.engine;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context handed to a client that never speaks TLS: docker-java's for a {@code unix://} engine, and the
 * {@code java.net.http} client of the replica health probes (plain http to a replica's port). Given no context, each
 * of those clients builds the JDK's default one up front: the security providers and the whole {@code cacerts} trust
 * store, about a third of a second of every CLI start (measured: bench/CliStartBench.java). It only answers what a
 * client asks while it is built (empty default parameters); any use for a connection is a bug, and fails saying so
 * rather than opening an unverified connection.
 *
 * <p>Usage: {@code builder.sslConfig(NoTlsContext::instance)} for a unix socket only (for tcp:// a context means
 * https); {@code HttpClient.newBuilder().sslContext(NoTlsContext.instance())} for plain-http probes only
 */
public final class NoTlsContext extends SSLContext {
    private static final NoTlsContext INSTANCE = new NoTlsContext();

    private NoTlsContext() {
        super(new Refusing(), new Provider("container-rollout-no-tls", "1", "no TLS: a unix socket") {
            private static final long serialVersionUID = 1L;
        }, "none");
    }

    public static SSLContext instance() {
        return INSTANCE;
    }

    /** Refuses every use for a connection: these clients must never reach for TLS. */
    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("this client speaks no TLS (a unix:// Docker engine, plain-http replica"
                    + " probes)");
        }

        /** What {@code java.net.http.HttpClient} reads while it is built: nothing configured. */
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
