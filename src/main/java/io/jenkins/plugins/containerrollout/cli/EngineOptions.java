package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.targets.Deployers;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options that say where an application runs, shared by every engine command: the engine ({@code --docker-host},
 * else {@code DOCKER_HOST} and its TLS variables), the application, and the traffic router in front of it.
 *
 * <p>Usage: {@code DockerHost host = EngineOptions.host(options, terminal);}
 */
final class EngineOptions {
    static final Option DOCKER_HOST = Option.value("--docker-host", "URI", "engine address (default: DOCKER_HOST,"
            + " DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, else " + DockerHost.LOCAL + ")");
    static final Option TARGET = Option.value("--target", "docker|swarm", "docker (default): containers on the engine;"
            + " swarm: a service on the swarm whose manager is the engine");
    static final Option APP = Option.value("--app", "NAME", "application name (lower case, digits, '-', '_')").mandatory();

    /**
     * The router options. They are recorded with the application: a later deploy or rollback without them keeps that
     * router in step (or refuses, naming them, when it does not answer); other ones given replace it.
     */
    static final Option[] ROUTER = {
        Option.value("--router", "haproxy", "traffic router in front of the replicas, kept on the serving set"
                + " (blue-green needs one; default: the one recorded with the app, else none)"),
        Option.value("--router-socket", "PATH", "HAProxy runtime API socket (stats socket ... level admin)"),
        Option.value("--router-backend", "NAME", "HAProxy backend holding the app's server slots (default: the app name)"),
        Option.value("--router-frontend-port", "PORT", "the router's loopback frontend, recorded with the app so"
                + " commands and reports can name the address clients use (optional)"),
        Option.value("--router-preview-port", "PORT", "the router's loopback preview frontend (router-config"
                + " --preview-port), where blue-green --no-auto-promote serves the new colour before 'promote'"),
    };

    private EngineOptions() {
    }

    static DockerHost host(ParsedOptions o, Terminal terminal) {
        return DockerHost.resolve(o.value("--docker-host"), terminal.env());
    }

    /**
     * The deployer of the {@code --target} ({@link Deployers#open}) with the options' router; a swarm has no router
     * yet, so the router options are a usage error there. An address the client factory refuses is a usage error
     * naming --docker-host.
     */
    static AppDeployer deployer(ParsedOptions o, DockerHost host) throws UsageException {
        return deployer(o, host, null);
    }

    /** As {@link #deployer(ParsedOptions, DockerHost)}, pulling private images with {@code login}. */
    static AppDeployer deployer(ParsedOptions o, DockerHost host, RegistryCredentials login) throws UsageException {
        boolean swarm = swarm(o);
        if (swarm && o.value("--router") != null) {
            throw new UsageException("--router: a router is not supported with --target swarm yet; drop --router");
        }
        TrafficRouter router = swarm ? TrafficRouter.NONE : router(o);
        return UsageException.check(() -> Deployers.open(swarm ? Target.SWARM : Target.DOCKER, host, router, login));
    }

    /** True for {@code --target swarm}; anything but docker or swarm is a usage error. */
    static boolean swarm(ParsedOptions o) throws UsageException {
        String target = o.value("--target");
        if (target == null || target.equals("docker")) {
            return false;
        }
        if (target.equals("swarm")) {
            return true;
        }
        throw new UsageException("--target: unknown target '" + target + "'; use docker or swarm");
    }

    /**
     * Refuses, before the engine is asked anything, a strategy the swarm target cannot run: blue-green is refused by
     * the core itself (its message becomes the usage error, see {@link #moved}), canary is not a Swarm update
     * policy and would otherwise run as a plain rolling update.
     */
    static void requireTargetSupports(ParsedOptions o, RolloutStrategy strategy) throws UsageException {
        if (swarm(o) && strategy instanceof RolloutStrategy.Canary) {
            throw new UsageException("--strategy: canary is not supported on swarm yet; use rolling");
        }
    }

    /** A deploy or rollback, run by {@link #moved}. */
    @FunctionalInterface
    interface Move {
        RolloutRecord run() throws InterruptedException;
    }

    /**
     * Runs a deploy or rollback. The swarm core refuses what it cannot do (blue-green, a network other than host)
     * before it changes anything, with a message naming the parameter: on the command line that is a usage error.
     */
    static RolloutRecord moved(ParsedOptions o, Move move) throws UsageException, InterruptedException {
        try {
            return move.run();
        } catch (RequestException e) {
            if (!swarm(o)) {
                throw e;
            }
            throw new UsageException(UsageException.optionNamed(e.getMessage()));
        }
    }

    /** What {@code deploy} or {@code rollback} asks of the deployer. */
    @FunctionalInterface
    interface Rollout {
        RolloutRecord run(AppDeployer deployer) throws InterruptedException;
    }

    /**
     * Runs a deploy or rollback on the target the options name and returns its record as the command's result,
     * with exit 1 unless the rollout succeeded.
     */
    static CommandResult rollout(ParsedOptions o, DockerHost host, RolloutStrategy strategy, RegistryCredentials login,
            Rollout rollout) throws UsageException, InterruptedException {
        requireTargetSupports(o, strategy);
        try (AppDeployer deployer = deployer(o, host, login)) {
            RolloutRecord record = moved(o, () -> rollout.run(deployer));
            return CommandResult.of(record, List.of(new ReportEntry.Rollout(record)), DeployCommand.failure(record));
        }
    }

    /** The application name, checked before the engine is asked anything about it. */
    static String app(ParsedOptions o) throws UsageException {
        String app = o.value("--app");
        return UsageException.check(() -> AppName.check(app));
    }

    /**
     * The router the options name, or {@link TrafficRouter#NONE} (then the deployer uses the one recorded with the
     * app); the socket must exist before anything moves.
     */
    static TrafficRouter router(ParsedOptions o) throws UsageException {
        String kind = o.value("--router");
        if (kind == null) {
            o.requireWith("--router", "--router-socket", "--router-backend", "--router-frontend-port",
                    "--router-preview-port");
            return TrafficRouter.NONE;
        }
        if (!kind.equals("haproxy")) {
            throw new UsageException("--router: unknown router '" + kind + "'; the supported router is haproxy");
        }
        String socket = o.value("--router-socket");
        if (socket == null) {
            throw new UsageException("--router haproxy needs --router-socket PATH (HAProxy's admin socket)");
        }
        if (!Files.exists(Path.of(socket))) {
            throw new UsageException("--router-socket: " + socket + " does not exist; start HAProxy with"
                    + " 'stats socket " + socket + " level admin'");
        }
        int frontendPort = port(o, "--router-frontend-port");
        int previewPort = port(o, "--router-preview-port");
        return new HaproxyRouter(Path.of(socket), frontendPort, o.value("--router-backend"), previewPort);
    }

    /** A loopback port option: 1-65535, or 0 (none, or unknown; also when not given). */
    static int port(ParsedOptions o, String option) throws UsageException {
        int port = o.nonNegative(option, 0);
        if (port > 65535) {
            throw new UsageException(option + ": " + port + " is not a port; give 1-65535");
        }
        return port;
    }
}
