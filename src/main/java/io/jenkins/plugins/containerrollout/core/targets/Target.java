package io.jenkins.plugins.containerrollout.core.targets;

import java.util.Locale;

/** Where applications run: the containers of one engine, or the services of a swarm whose manager the engine is. */
public enum Target {
    /** Containers on one Docker Engine ({@code core.deploy.docker}); the default. */
    DOCKER,
    /** One service per application on a swarm ({@code core.swarm}). */
    SWARM;

    /** {@code docker} or {@code swarm}, as the CLI's {@code --target} and the steps' symbols spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
