package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.DeployImage;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code container-rollout deploy}: the CLI face of {@code containerDeploy}. Rolls an application out to an image on
 * one Docker engine (or a Swarm service with {@code --target swarm}) and prints the {@link RolloutRecord} as JSON;
 * exits 1 (the record still printed) when the rollout did not succeed: rolled back or failed. A rollout that holds at
 * a pause it was asked for ({@code --canary-steps 10:manual}, {@code --no-auto-promote}) exits 0 with outcome PAUSED
 * and says where it holds and the two ways on: {@link PromoteCommand} or {@code rollback} (an abort).
 *
 * With {@code --compose FILE} it deploys a whole Compose project instead ({@link StackCommands}).
 *
 * <p>Usage: {@code container-rollout deploy --app web --image 127.0.0.1:5000/web:7 --replicas 4 --port-base 21000}
 */
public final class DeployCommand implements Command {
    private static final Option[] OWN = {
        EngineOptions.APP,
        Option.value("--image", "IMAGE", "image to deploy: a tag or REPO@sha256:... (a bare sha256:... is refused)").mandatory(),
        Option.value("--replicas", "N", "replicas to run (default 1)"),
        Option.value("--port-base", "PORT", "replica i listens on 127.0.0.1:PORT+i (PORT is set in its environment)")
                .mandatory(),
        Option.value("--health-path", "PATH", "readiness probe path for images without a HEALTHCHECK (default /)"),
        Option.flag("--no-auto-rollback", "on failure leave the application as it stopped (outcome FAILED) instead of"
                + " restoring the previous revision"),
        Option.flag("--replace-paused", "a rollout of the app that holds at a pause is aborted first (default: the"
                + " deploy is refused, naming promote and rollback)"),
        Option.value("--env", "K=V", "environment variable of every replica").multiple(),
        Option.value("--label", "K=V", "extra container label").multiple(),
        Option.value("--network", "NAME", "host (default: replicas bind 127.0.0.1:PORT) or a bridge network (needs"
                + " --container-port; docker target only)"),
        Option.value("--container-port", "PORT", "with a bridge --network: the port the process listens on inside,"
                + " published on 127.0.0.1:PORT"),
        Option.value("--memory", "BYTES", "memory limit: bytes, or with a k, m or g suffix (default: none)"),
        Option.value("--cpus", "N", "CPU limit, e.g. 0.5 (default: none)"),
        Option.value("--stop-timeout", "SECONDS", "grace between SIGTERM and SIGKILL when a replica stops (default 10)"),
        Option.value("--revision-history-limit", "N", "earlier revisions kept for rollback (default 10)"),
        Option.value("--build-url", "URL", "the build that deploys, recorded with the revision"),
        Option.value("--commit", "SHA", "the source commit, recorded with the revision"),
        PasswordSource.USERNAME,
        PasswordSource.STDIN,
        EngineOptions.DOCKER_HOST,
        EngineOptions.TARGET,
        PasswordSource.REFUSED[0],
        PasswordSource.REFUSED[1],
    };
    private static final Options OPTIONS = Options.of(OWN, RolloutOptions.STRATEGY, RolloutOptions.PROBE,
            EngineOptions.ROUTER, RunReport.OPTIONS);

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public String summary() {
        return "Roll an application out to an image (recreate, rolling, blue-green or canary); exit 1 unless it"
                + " succeeded or holds at a requested pause (PAUSED: see 'promote')."
                + " With --compose FILE: every service of a Compose file as one stack ('deploy --compose FILE --help').";
    }

    /** {@code deploy --compose FILE} is the stack deploy ({@link StackCommands#DEPLOY}). */
    @Override
    public Command form(List<String> args) {
        return StackCommands.names(args, "--compose") ? StackCommands.DEPLOY : this;
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        DeployRequest request = request(o, terminal);
        RegistryCredentials login = PasswordSource.credentials(o, terminal);
        return Pausing.told(EngineOptions.rollout(o, request.host(), request.strategy(), login,
                deployer -> deployer.deploy(request, terminal.err()::println)), terminal);
    }

    /**
     * Why a rollout's outcome means exit 1, or null when it succeeded or holds at a pause it was asked for (a script
     * goes on to its verification, then promotes or aborts).
     */
    static String failure(RolloutRecord record) {
        return record.outcome() == Outcome.SUCCEEDED || record.outcome() == Outcome.PAUSED ? null
                : record.operation().name().toLowerCase(Locale.ROOT) + " of " + record.app() + " "
                        + record.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + record.message();
    }

    /** Maps the options to the request the Pipeline step builds; every bad value is a usage error. */
    static DeployRequest request(ParsedOptions o, Terminal terminal) throws UsageException {
        DockerHost host = EngineOptions.host(o, terminal);
        RolloutStrategy strategy = RolloutOptions.strategy(o).withAutoRollback(!o.flag("--no-auto-rollback"));
        String healthPath = o.value("--health-path") == null ? "/" : o.value("--health-path");
        long memory = bytes(o.value("--memory"));
        long nanoCpus = Math.round(o.decimal("--cpus", 0, 0, 1024) * 1e9);
        int stopTimeout = o.nonNegative("--stop-timeout", 10);
        int replicas = o.positiveInt("--replicas", 1);
        int portBase = o.positiveInt("--port-base", 0);
        int historyLimit = o.nonNegative("--revision-history-limit", 10);
        Map<String, String> env = o.pairs("--env");
        Map<String, String> labels = o.pairs("--label");
        int containerPort = o.nonNegative("--container-port", 0);
        String image = UsageException.check(() -> DeployImage.require("--image", o.value("--image")));
        ReplicaSpec spec = UsageException.check(() -> ReplicaSpec.of(image).withEnv(env)
                .withLabels(labels).withNetwork(o.value("--network"), containerPort).withLimits(memory, nanoCpus).withStopTimeoutSeconds(stopTimeout));
        ProbeSettings probe = RolloutOptions.probe(o, healthPath);
        return UsageException.check(() -> new DeployRequest(host, o.value("--app"), spec, replicas, portBase, strategy,
                probe, historyLimit, o.value("--build-url"), o.value("--commit"))
                .withReplacePaused(o.flag("--replace-paused")));
    }

    /** {@code 268435456}, {@code 256m}, {@code 1g}: what {@code docker run --memory} takes. */
    static long bytes(String value) throws UsageException {
        if (value == null) {
            return 0;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = v.endsWith("k") ? 1L << 10 : v.endsWith("m") ? 1L << 20 : v.endsWith("g") ? 1L << 30 : 1;
        try {
            long n = Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1));
            if (n >= 0) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--memory wants bytes or a number with k, m or g (e.g. 256m), not \"" + value + "\"");
    }
}
