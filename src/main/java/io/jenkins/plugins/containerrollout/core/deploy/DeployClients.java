package io.jenkins.plugins.containerrollout.core.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.net.URI;
import java.time.Duration;

/**
 * Builds the docker-java client from a {@link DockerHost} alone: explicit host and TLS, bounded timeouts, never
 * {@code ~/.docker-java.properties} or system properties. Deliberately tiny: the shared client factory of
 * {@code core.engine} replaces it once it lands.
 */
final class DeployClients {
    private DeployClients() {
    }

    static DockerClient open(DockerHost host) {
        DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(host.uri())
                .withDockerTlsVerify(host.tlsVerify());
        if (host.tlsVerify()) {
            config.withDockerCertPath(host.certPath());
        }
        DefaultDockerClientConfig built = config.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host.uri()))
                .sslConfig(built.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(120))
                .build();
        return DockerClientImpl.getInstance(built, http);
    }
}
