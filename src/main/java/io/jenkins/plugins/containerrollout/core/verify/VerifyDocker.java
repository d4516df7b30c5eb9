package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.net.URI;
import java.time.Duration;

/**
 * Builds the docker-java client for verification from a {@link DockerHost} alone (never
 * {@code ~/.docker-java.properties} or {@code ~/.docker/config.json}), with bounded connect and response waits.
 * Stand-in until {@code core.engine.DockerClientFactory} is on this branch: swap the body of {@link #connect} for it.
 */
final class VerifyDocker {
    private VerifyDocker() {
    }

    static DockerClient connect(DockerHost host) {
        URI uri = URI.create(host.uri());
        SSLConfig tls = host.tlsVerify() ? new LocalDirectorySSLConfig(host.certPath()) : null;
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(uri)
                .sslConfig(tls)
                .connectionTimeout(Duration.ofSeconds(10))
                // the longest silent call is a bounded wait or an exec whose output we read as it comes
                .responseTimeout(Duration.ofMinutes(2))
                .maxConnections(8)
                .build();
        return DockerClientImpl.getInstance(new Config(uri, tls), http);
    }

    /** Only what the client reads for our calls: host, API version, TLS; no registry auth is needed to verify. */
    private record Config(URI getDockerHost, SSLConfig getSSLConfig) implements DockerClientConfig {
        @Override
        public RemoteApiVersion getApiVersion() {
            // no version prefix: the engine answers in its own current version, whatever it is
            return RemoteApiVersion.UNKNOWN_VERSION;
        }

        @Override
        public String getRegistryUsername() {
            return null;
        }

        @Override
        public String getRegistryPassword() {
            return null;
        }

        @Override
        public String getRegistryEmail() {
            return null;
        }

        @Override
        public String getRegistryUrl() {
            return null;
        }

        @Override
        public AuthConfig effectiveAuthConfig(String imageName) {
            return null;
        }

        @Override
        public AuthConfigurations getAuthConfigurations() {
            return new AuthConfigurations();
        }
    }
}
