package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.compose.StackView;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaLogs;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.targets.Deployers;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import java.util.List;
import java.util.Optional;

/**
 * The read-only commands, which only ask the engine about an application: {@code status} (phase, stable and target
 * revision, desired and ready replicas with one probe each, serving ports, lock owner), {@code history} (the kept
 * revisions, oldest first, with image, digest, build and commit, and which one is current) and {@code logs} (the last
 * lines of each replica of a revision, running or kept: a failed revision's replicas stay until a rollout succeeds).
 * {@code status} and {@code history} also take {@code --project} instead of {@code --app}: a Compose stack's current
 * revision with each service's status, or its kept stack revisions ({@link StackView}).
 *
 * <p>Usage: {@code container-rollout status --app web | jq .servingPorts}
 */
public final class AppQueryCommand implements Command {
    /** {@code status} and {@code history} ask about one app or one stack: exactly one of --app, --project. */
    private static final Options OPTIONS = new Options(Option.value("--app", "NAME",
            "application name (lower case, digits, '-', '_'); or --project"), Option.value("--project", "NAME",
            "a Compose project deployed with deploy --compose: its stack revisions and services (Docker host only)"),
            EngineOptions.DOCKER_HOST, EngineOptions.TARGET);
    private static final Options LOG_OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST,
            EngineOptions.TARGET, Option.value("--revision", "N", "the revision whose replicas to show (default: the "
                    + "one serving, or the one the last rollout left)"),
            Option.value("--tail", "N", "lines per replica (default 100)"));

    private final String name;
    private final String summary;
    private final Options options;

    // no lambdas in the table: --help builds every command in a JVM that has run none yet (#17), so run() asks by name
    private AppQueryCommand(String name, String summary, Options options) {
        this.name = name;
        this.summary = summary;
        this.options = options;
    }

    /** {@code status --app NAME} or {@code status --project NAME}. */
    static AppQueryCommand status() {
        return new AppQueryCommand("status", "Show an application's phase, revisions, ready replicas and serving ports,"
                + " and where a paused rollout holds (--project: a stack's current revision and each service's).", OPTIONS);
    }

    /** {@code history --app NAME} or {@code history --project NAME}. */
    static AppQueryCommand history() {
        return new AppQueryCommand("history", "List an application's kept revisions, the ones 'rollback --to-revision'"
                + " can restore (--project: a stack's revisions).", OPTIONS);
    }

    /** {@code logs --app NAME [--revision N] [--tail N]}. */
    static AppQueryCommand logs() {
        return new AppQueryCommand("logs", "Print the last log lines of each replica of a revision, running or kept "
                + "(a failed revision's replicas are kept until a rollout succeeds).", LOG_OPTIONS);
    }

    /** What this command asks the deployer about one application. */
    private Object ask(AppDeployer deployer, String app, ParsedOptions o) throws UsageException {
        switch (name) {
            case "status":
                return deployer.status(app);
            case "history":
                return new History(app, deployer.history(app));
            default:
                int revision = o.nonNegative("--revision", 0);
                int tail = o.positiveInt("--tail", 100);
                return new Logs(app, UsageException.check(() -> deployer.logs(app, revision, tail)));
        }
    }

    /** What this command asks about a stack (status and history only). */
    private Object askStack(AppDeployer deployer, String project) {
        return name.equals("status") ? StackView.status(deployer, project) : StackView.history(deployer, project);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String project = name.equals("logs") ? null : project(o);
        if (project != null) {
            try (AppDeployer deployer = EngineOptions.deployer(o, EngineOptions.host(o, terminal))) {
                return CommandResult.ok(UsageException.check(() -> askStack(deployer, project)));
            }
        }
        String app = EngineOptions.app(o);
        DockerHost host = EngineOptions.host(o, terminal);
        // a Docker-host status without TLS is read with a few GETs, without building a deployer
        Optional<AppStatus> quick = name.equals("status")
                ? Deployers.quickStatus(EngineOptions.swarm(o) ? Target.SWARM : Target.DOCKER, host, app)
                : Optional.empty();
        if (quick.isPresent()) {
            return answered(app, quick.get(), terminal);
        }
        try (AppDeployer deployer = EngineOptions.deployer(o, host)) {
            return answered(app, ask(deployer, app, o), terminal);
        }
    }

    /** The answer, with a paused rollout's lines on stderr for the person reading. */
    private static CommandResult answered(String app, Object answer, Terminal terminal) {
        if (answer instanceof AppStatus status && status.pause() != null) {
            Pausing.lines(app, status.pause(), System.currentTimeMillis()).forEach(terminal.err()::println);
        }
        return CommandResult.ok(answer);
    }

    /** The --project value, or null for --app; exactly one of them. */
    private String project(ParsedOptions o) throws UsageException {
        String project = o.value("--project");
        if ((project == null) == (o.value("--app") == null)) {
            throw new UsageException("--app or --project: give exactly one (" + name + " --app NAME for an application,"
                    + " " + name + " --project NAME for a Compose stack)");
        }
        return project;
    }

    /**
     * What {@code history} prints: one JSON object, as every command does.
     *
     * @param app       the application
     * @param revisions its kept revisions, oldest first
     */
    public record History(String app, List<RevisionInfo> revisions) {
    }

    /**
     * What {@code logs} prints.
     *
     * @param app      the application
     * @param replicas each replica of the revision with its last lines
     */
    public record Logs(String app, List<ReplicaLogs> replicas) {
    }
}
