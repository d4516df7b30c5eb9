package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import java.util.List;

/**
 * The read-only commands, which only ask the engine about an application: {@code status} (phase, stable and target
 * revision, desired and ready replicas with one probe each, serving ports, lock owner) and {@code history} (the kept
 * revisions, oldest first, with image, digest, build and commit, and which one is current).
 *
 * <p>Usage: {@code container-rollout status --app web | jq .servingPorts}
 */
public final class AppQueryCommand implements Command {
    private static final Options OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST,
            EngineOptions.TARGET);

    /** What the command asks the deployer about one application. */
    @FunctionalInterface
    private interface Query {
        Object ask(AppDeployer deployer, String app);
    }

    private final String name;
    private final String summary;
    private final Query query;

    private AppQueryCommand(String name, String summary, Query query) {
        this.name = name;
        this.summary = summary;
        this.query = query;
    }

    /** {@code status --app NAME}. */
    static AppQueryCommand status() {
        return new AppQueryCommand("status", "Show an application's phase, revisions, ready replicas and serving ports.",
                AppDeployer::status);
    }

    /** {@code history --app NAME}. */
    static AppQueryCommand history() {
        return new AppQueryCommand("history", "List an application's kept revisions, the ones 'rollback --to-revision'"
                + " can restore.", (deployer, app) -> new History(app, deployer.history(app)));
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
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String app = EngineOptions.app(o);
        try (AppDeployer deployer = EngineOptions.deployer(o, EngineOptions.host(o, terminal))) {
            return CommandResult.ok(query.ask(deployer, app));
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
}
