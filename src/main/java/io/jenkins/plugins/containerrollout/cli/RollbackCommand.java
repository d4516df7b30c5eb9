package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;

/**
 * {@code container-rollout rollback}: the CLI face of {@code containerRollback}. Restores the previous revision, or
 * the one named, exactly as recorded in the engine (same image id, same spec), and prints the {@link RolloutRecord}.
 * On an application whose rollout holds at a pause it aborts that rollout instead: the stable revision serves all
 * traffic again, the paused revision's replicas go, and the record (of the whole rollout) ends ABORTED, exit 0.
 *
 * With {@code --project NAME} it rolls a whole stack back instead ({@link StackCommands}).
 *
 * <p>Usage: {@code container-rollout rollback --app web --to-revision 3}
 */
public final class RollbackCommand implements Command {
    private static final Option[] OWN = {
        EngineOptions.APP,
        Option.value("--to-revision", "N", "revision to restore (default: the one before the current; see 'history')"),
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
        return "rollback";
    }

    @Override
    public String summary() {
        return "Restore an earlier revision of an application exactly as it was recorded; on a paused rollout, abort"
                + " it (ABORTED, the stable revision serves again)."
                + " With --project NAME: every service of a stack ('rollback --project NAME --help').";
    }

    /** {@code rollback --project NAME} is the stack rollback ({@link StackCommands#ROLLBACK}). */
    @Override
    public Command form(List<String> args) {
        return StackCommands.names(args, "--project") ? StackCommands.ROLLBACK : this;
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        RollbackRequest request = request(o, terminal);
        RegistryCredentials login = PasswordSource.credentials(o, terminal);
        CommandResult result = EngineOptions.rollout(o, request.host(), request.strategy(), login,
                deployer -> deployer.rollback(request, terminal.err()::println));
        // an aborted pause is what was asked for: the stable revision serves again
        boolean aborted = result.output() instanceof RolloutRecord r && r.outcome() == Outcome.ABORTED;
        return aborted ? CommandResult.of(result.output(), result.entries(), null) : result;
    }

    /**
     * The rollback the options describe: also what a failed {@code verify --on-failure rollback} runs. The health
     * path is the one recorded with the revision; only the probe's timings come from the options.
     */
    static RollbackRequest request(ParsedOptions o, Terminal terminal) throws UsageException {
        if (o.flag("--no-auto-promote")) {
            throw new UsageException("--no-auto-promote applies to deploy only (a rollback switches at once)");
        }
        DockerHost host = EngineOptions.host(o, terminal);
        int to = o.nonNegative("--to-revision", 0);
        RolloutStrategy strategy = RolloutOptions.strategy(o);
        ProbeSettings probe = RolloutOptions.probe(o, "/");
        return UsageException.check(() -> new RollbackRequest(host, o.value("--app"), to, strategy, probe));
    }
}
