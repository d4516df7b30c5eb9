package io.jenkins.plugins.containerrollout.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * The docker-java configuration we hand over, made only of what we pass in: docker-java's own
 * {@code DefaultDockerClientConfig} would read {@code ~/.docker-java.properties}, the process environment and
 * {@code ~/.docker/config.json}, which on a shared Jenkins agent belong to somebody else. Registry credentials are
 * never looked up here; commands receive them explicitly.
 */
final class ExplicitClientConfig implements DockerClientConfig {
    /**
     * One mapper for every client: docker-java's default hands each client a fresh copy, whose first answer of each
     * kind then pays for building its deserializer again (~6 ms for an image inspect, on every build). A configured
     * mapper is safe to share between threads.
     */
    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper().copy();

    private final URI host;
    private final SSLConfig ssl;

    ExplicitClientConfig(URI host, SSLConfig ssl) {
        this.host = host;
        this.ssl = ssl;
    }

    @Override
    public ObjectMapper getObjectMapper() {
        return MAPPER;
    }

    @Override
    public URI getDockerHost() {
        return host;
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        // unversioned paths: the engine answers in its own version, as the docker CLI does after negotiation
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
        return new AuthConfig();
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return new AuthConfigurations();
    }

    @Override
    public SSLConfig getSSLConfig() {
        return ssl;
    }
}
