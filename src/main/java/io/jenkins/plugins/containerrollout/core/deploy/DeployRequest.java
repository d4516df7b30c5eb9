package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.io.Serializable;

/**
 * Everything {@code containerDeploy} needs. Validated when constructed: a bad value throws
 * {@link IllegalArgumentException} naming the parameter and the fix, before anything touches the engine (what only
 * the engine can tell, such as a port already in use or a missing image, is checked by
 * {@code DockerDeployer.deploy} before its first change).
 *
 * <p>Usage: {@code DeployRequest.of(host, "web", "127.0.0.1:5000/web:7", 4, 21000).withStrategy(RolloutStrategy.rolling("1", "0"))}
 *
 * @param host                 the engine to deploy to
 * @param app                  application name ({@link AppName})
 * @param spec                 what each replica runs
 * @param replicas             desired replicas, at least 1
 * @param portBase             replica in slot {@code k} serves on {@code 127.0.0.1:(portBase + k)}; a rollout uses slots
 *                             {@code 0 .. replicas + maxSurge - 1}
 * @param strategy             recreate or rolling, with its settings
 * @param probe                readiness probe for images without a HEALTHCHECK
 * @param revisionHistoryLimit earlier revisions kept recoverable (default 10)
 * @param buildUrl             the Jenkins build that deploys, or null
 * @param commit               the source commit, or null
 * @param replacePaused        whether a rollout of the application that holds at a pause is aborted first (else the
 *                             deploy is refused, naming promote and rollback)
 * @param takesTraffic         whether the replicas serve traffic (the deployer's router routes them); false for a
 *                             Compose service that publishes no port (a worker), which no router backend names
 */
public record DeployRequest(
        DockerHost host,
        String app,
        ReplicaSpec spec,
        int replicas,
        int portBase,
        RolloutStrategy strategy,
        ProbeSettings probe,
        int revisionHistoryLimit,
        String buildUrl,
        String commit,
        boolean replacePaused,
        boolean takesTraffic) implements Serializable {

    /** Replicas above this are a typo, not a plan, on a single Docker host. */
    public static final int MAX_REPLICAS = 200;

    public DeployRequest {
        if (host == null) {
            throw new RequestException("host: required; give the engine address (dockerHost, --docker-host) or set DOCKER_HOST");
        }
        AppName.check(app);
        if (spec == null) {
            throw new RequestException("image: required; give the image reference to deploy");
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new RequestException("replicas: " + replicas + " is out of range; use 1 to " + MAX_REPLICAS);
        }
        if (strategy == null) {
            throw new RequestException("strategy: required; use 'rolling' or 'recreate'");
        }
        int span = strategy.ports(replicas);
        if (portBase < 1024 || portBase + span - 1 > 65535) {
            String why = span > replicas + strategy.surge(replicas) ? "replicas + maxSurge + maxSurge still stopping"
                    : "replicas + maxSurge";
            throw new RequestException("portBase: " + portBase + " leaves no room for " + span
                    + " replica ports (" + why + "); use a value from 1024 to " + (65536 - span));
        }
        if (probe == null) {
            throw new RequestException("healthPath: required; give the path the readiness probe requests, e.g. /health");
        }
        if (revisionHistoryLimit < 0) {
            throw new RequestException("revisionHistoryLimit: must be 0 or more (got " + revisionHistoryLimit
                    + "); the default is 10");
        }
    }

    /** A deploy that is refused while another rollout of the application holds at a pause. */
    public DeployRequest(DockerHost host, String app, ReplicaSpec spec, int replicas, int portBase,
            RolloutStrategy strategy, ProbeSettings probe, int revisionHistoryLimit, String buildUrl, String commit) {
        this(host, app, spec, replicas, portBase, strategy, probe, revisionHistoryLimit, buildUrl, commit, false, true);
    }

    /** A deploy whose replicas serve traffic through the deployer's router, if it has one. */
    public DeployRequest(DockerHost host, String app, ReplicaSpec spec, int replicas, int portBase,
            RolloutStrategy strategy, ProbeSettings probe, int revisionHistoryLimit, String buildUrl, String commit,
            boolean replacePaused) {
        this(host, app, spec, replicas, portBase, strategy, probe, revisionHistoryLimit, buildUrl, commit,
                replacePaused, true);
    }

    /** Replicas no router routes (a worker that listens on nothing); {@code false} keeps them out of the router. */
    public DeployRequest withTakesTraffic(boolean traffic) {
        return new DeployRequest(host, app, spec, replicas, portBase, strategy, probe, revisionHistoryLimit,
                buildUrl, commit, replacePaused, traffic);
    }

    /** A rolling deploy with default probe ({@code /}), history limit 10 and no build information. */
    public static DeployRequest of(DockerHost host, String app, String image, int replicas, int portBase) {
        return new DeployRequest(host, app, ReplicaSpec.of(image), replicas, portBase, RolloutStrategy.rolling(),
                ProbeSettings.defaults(), 10, null, null);
    }

    public DeployRequest withSpec(ReplicaSpec newSpec) {
        return new DeployRequest(host, app, newSpec, replicas, portBase, strategy, probe, revisionHistoryLimit,
                buildUrl, commit, replacePaused, takesTraffic);
    }

    /** On: a paused rollout of the application is aborted first; off: the deploy is refused while one is paused. */
    public DeployRequest withReplacePaused(boolean replace) {
        return new DeployRequest(host, app, spec, replicas, portBase, strategy, probe, revisionHistoryLimit,
                buildUrl, commit, replace, takesTraffic);
    }

    public DeployRequest withReplicas(int newReplicas) {
        return new DeployRequest(host, app, spec, newReplicas, portBase, strategy, probe, revisionHistoryLimit,
                buildUrl, commit, replacePaused, takesTraffic);
    }

    public DeployRequest withStrategy(RolloutStrategy newStrategy) {
        return new DeployRequest(host, app, spec, replicas, portBase, newStrategy, probe, revisionHistoryLimit,
                buildUrl, commit, replacePaused, takesTraffic);
    }

    public DeployRequest withProbe(ProbeSettings newProbe) {
        return new DeployRequest(host, app, spec, replicas, portBase, strategy, newProbe, revisionHistoryLimit,
                buildUrl, commit, replacePaused, takesTraffic);
    }

    public DeployRequest withRevisionHistoryLimit(int limit) {
        return new DeployRequest(host, app, spec, replicas, portBase, strategy, probe, limit, buildUrl, commit, replacePaused, takesTraffic);
    }

    public DeployRequest withBuild(String newBuildUrl, String newCommit) {
        return new DeployRequest(host, app, spec, replicas, portBase, strategy, probe, revisionHistoryLimit,
                newBuildUrl, newCommit, replacePaused, takesTraffic);
    }

}
