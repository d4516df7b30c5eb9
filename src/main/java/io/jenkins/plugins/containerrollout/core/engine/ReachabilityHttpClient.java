package io.jenkins.plugins.containerrollout.core.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;

/**
 * The transport every client of {@link DockerClientFactory} talks through: a request that cannot reach the engine at
 * all fails with an {@link EngineUnreachableException} naming the address, instead of the HTTP library's exception
 * ({@code org.apache.hc.client5.http.HttpHostConnectException}, {@code java.net.SocketException}) that reached users
 * before. Only failures to connect are translated: nothing was sent, so no caller can have relied on the original
 * type to learn what the engine did. Every other failure passes through unchanged.
 *
 * <p>Usage: {@code DockerHttpClient http = new ReachabilityHttpClient(apacheClient, host);}
 */
final class ReachabilityHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final DockerHost host;

    ReachabilityHttpClient(DockerHttpClient delegate, DockerHost host) {
        this.delegate = delegate;
        this.host = host;
    }

    @Override
    public Response execute(Request request) {
        try {
            return delegate.execute(request);
        } catch (RuntimeException e) {
            EngineUnreachableException unreachable = EngineFailures.unreachable(host, e);
            throw unreachable == null || unreachable == e ? e : unreachable;
        }
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
