package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import java.util.List;

/**
 * {@code container-rollout history}: the kept revisions of an application, oldest first, with image, digest, build
 * and commit, which one is current and how many of its replicas run or are kept for a fast rollback.
 *
 * <p>Usage: {@code container-rollout history --app web | jq '.revisions[] | .revision'}
 */
public final class HistoryCommand implements Command {
    private static final Options OPTIONS = new Options(EngineOptions.APP, EngineOptions.DOCKER_HOST);

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "List an application's kept revisions, the ones 'rollback --to-revision' can restore.";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String app = EngineOptions.app(o);
        try (DockerDeployer deployer = new DockerDeployer(EngineOptions.host(o, terminal))) {
            return CommandResult.ok(new History(app, deployer.history(app)));
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
