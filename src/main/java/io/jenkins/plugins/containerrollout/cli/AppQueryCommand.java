package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaLogs;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import java.util.List;

/**
 * The read-only commands, which only ask the engine about an application: {@code status} (phase, stable and target
 * revision, desired and ready replicas with one probe each, serving ports, lock owner), {@code history} (the kept
 * revisions, oldest first, with image, digest, build and commit, and which one is current) and {@code logs} (the last
 * lines of each replica of a revision, running or kept: a failed revision's replicas stay until a rollout succeeds).
 *
 * <p>Usage: {@code container-rollout status --app web | jq .servingPorts}
 */
public final class AppQueryCommand implements Command {
    private static final Options OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST,
            EngineOptions.TARGET);
    private static final Options LOG_OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST,
            EngineOptions.TARGET, Option.value("--revision", "N", "the revision whose replicas to show (default: the "
                    + "one serving, or the one the last rollout left)"),
            Option.value("--tail", "N", "lines per replica (default 100)"));

    /** What the command asks the deployer about one application. */
    @FunctionalInterface
    private interface Query {
        Object ask(AppDeployer deployer, String app, ParsedOptions o) throws UsageException;
    }

    private final String name;
    private final String summary;
    private final Options options;
    private final Query query;

    private AppQueryCommand(String name, String summary, Options options, Query query) {
        this.name = name;
        this.summary = summary;
        this.options = options;
        this.query = query;
    }

    /** {@code status --app NAME}. */
    static AppQueryCommand status() {
        return new AppQueryCommand("status", "Show an application's phase, revisions, ready replicas and serving ports.",
                OPTIONS, (deployer, app, o) -> deployer.status(app));
    }

    /** {@code history --app NAME}. */
    static AppQueryCommand history() {
        return new AppQueryCommand("history", "List an application's kept revisions, the ones 'rollback --to-revision'"
                + " can restore.", OPTIONS, (deployer, app, o) -> new History(app, deployer.history(app)));
    }

    /** {@code logs --app NAME [--revision N] [--tail N]}. */
    static AppQueryCommand logs() {
        return new AppQueryCommand("logs", "Print the last log lines of each replica of a revision, running or kept "
                + "(a failed revision's replicas are kept until a rollout succeeds).", LOG_OPTIONS, (deployer, app, o) -> {
                    int revision = o.nonNegative("--revision", 0);
                    int tail = o.positiveInt("--tail", 100);
                    return new Logs(app, UsageException.check(() -> deployer.logs(app, revision, tail)));
                });
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
        String app = EngineOptions.app(o);
        try (AppDeployer deployer = EngineOptions.deployer(o, EngineOptions.host(o, terminal))) {
            return CommandResult.ok(query.ask(deployer, app, o));
        }
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
