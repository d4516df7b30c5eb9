package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Creates docker-java clients from a {@link DockerHost} and nothing else: {@code unix://} or {@code tcp://}, TLS from
 * the host's in-memory {@link TlsMaterial} or its certificate directory, bounded connect and response waits. It never reads
 * {@code ~/.docker-java.properties}, {@code ~/.docker/config.json} or the environment; choosing the host from the
 * environment is {@link DockerHost#resolve}'s job, done once by the caller.
 *
 * <p>Usage: {@code try (DockerClient docker = DockerClientFactory.DEFAULT.connect(host)) { ... }}
 */
public final class DockerClientFactory {
    /** Connect within 10 s; a response may be silent for 5 minutes (a quiet RUN step during a build). */
    public static final DockerClientFactory DEFAULT = new DockerClientFactory(Duration.ofSeconds(10), Duration.ofMinutes(5));

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /**
     * @param connectTimeout  bound on opening a connection to the engine
     * @param responseTimeout bound on silence while reading a response (a build step with no output counts as silence)
     */
    public DockerClientFactory(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /** The same connect timeout, another response timeout (e.g. the build's own bound). */
    public DockerClientFactory withResponseTimeout(Duration timeout) {
        return new DockerClientFactory(connectTimeout, timeout);
    }

    /** Builds a client without talking to the engine yet. */
    public DockerClient create(DockerHost host) throws EngineException {
        URI uri = parse(host.uri());
        SSLConfig tls = null;
        if (host.tls() != null) {
            if (!"tcp".equals(uri.getScheme())) {
                throw new EngineException("TLS material from " + host.tls().source() + " is for a tcp:// engine but "
                        + host.uri() + " is not one — give the engine's tcp://host:port");
            }
            SSLContext context = host.tls().sslContext(); // unreadable PEM text fails here, not at the first request
            tls = () -> context;
        } else if (host.tlsVerify()) {
            if (!"tcp".equals(uri.getScheme())) {
                throw new EngineException("TLS is on (DOCKER_TLS_VERIFY) but " + host.uri() + " is not a tcp:// address");
            }
            CertDirectory directory = CertDirectory.of(Path.of(host.certDirectory()));
            directory.sslContext(); // unreadable PEM files fail here, with their name, not at the first request
            tls = directory;
        }
        boolean unix = "unix".equals(uri.getScheme());
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(uri)
                // a unix socket never uses TLS; without a context the client would load the JDK's default one (slow)
                .sslConfig(unix ? NoTlsContext::instance : tls)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .maxConnections(16)
                .build();
        if (unix) {
            http = new BuildUploadHttpClient(http, Path.of(uri.getPath())); // build contexts in larger chunks
        }
        http = new ReachabilityHttpClient(http, host);
        return DockerClientImpl.getInstance(new ExplicitClientConfig(uri, tls), http);
    }

    /** Builds a client and pings the engine, so an unreachable or TLS-refusing engine fails here with one clear line. */
    public DockerClient connect(DockerHost host) throws EngineException {
        DockerClient client = create(host);
        try {
            client.pingCmd().exec();
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client);
            EngineUnreachableException unreachable = EngineFailures.unreachable(host, e);
            if (unreachable != null) {
                throw new EngineException(unreachable.getMessage(), unreachable);
            }
            String why = EngineFailures.describe(host, e);
            throw new EngineException(why != null ? why : "the Docker engine at " + host.uri() + " failed to answer: "
                    + e.getMessage(), e);
        }
    }

    private static URI parse(String uri) throws EngineException {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new EngineException("not a Docker host address: " + uri + " (expected unix:///path or tcp://host:port)");
        }
        String scheme = parsed.getScheme();
        if ("unix".equals(scheme) && parsed.getPath() != null && !parsed.getPath().isEmpty()) {
            return parsed;
        }
        if ("tcp".equals(scheme) && parsed.getHost() != null && parsed.getPort() > 0) {
            return parsed;
        }
        throw new EngineException("not a Docker host address: " + uri + " (expected unix:///path or tcp://host:port)");
    }

    /** Closes a client, ignoring what closing it throws; for finally blocks. */
    public static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to do with a client we are abandoning
        }
    }
}
