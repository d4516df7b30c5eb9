package io.jenkins.plugins.containerrollout.core.engine;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context handed to docker-java's HTTP client for a {@code unix://} engine, which never speaks TLS. Given no
 * context, that client builds the JDK's default one up front: the security providers and the whole {@code cacerts}
 * trust store, about a third of a second of every CLI start (measured: bench/CliStartBench.java). Any use of this
 * context is a bug, and fails saying so rather than opening an unverified connection.
 *
 * <p>Usage: {@code builder.sslConfig(NoTlsContext::instance)} for a unix socket only (for tcp:// a context means https)
 */
final class NoTlsContext extends SSLContext {
    private static final NoTlsContext INSTANCE = new NoTlsContext();

    private NoTlsContext() {
        super(new Refusing(), new Provider("container-rollout-no-tls", "1", "no TLS: a unix socket") {
            private static final long serialVersionUID = 1L;
        }, "none");
    }

    static SSLContext instance() {
        return INSTANCE;
    }

    /** Refuses every use: a unix-socket client must never reach for TLS. */
    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("no TLS for a unix:// Docker engine");
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
