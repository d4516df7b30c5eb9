package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;

/**
 * {@code container-rollout promote}: the CLI face of {@code containerPromote}. Continues the rollout of an application
 * that holds at a pause ({@code deploy --canary-steps 10:manual,...} or {@code --no-auto-promote}) from where it
 * stopped, from any process: a canary's next step ({@code --full}: straight to 100 %), or the blue-green switch. It
 * prints the {@link RolloutRecord} of the whole rollout, from the deploy that paused; exit 0 when it succeeded or holds
 * at a later manual step, 1 when it failed. An application with nothing paused is a usage error, nothing changed.
 *
 * <p>Usage: {@code container-rollout promote --app web --full}
 */
public final class PromoteCommand implements Command {
    private static final Options OPTIONS = Options.of(new Option[] {
        EngineOptions.APP,
        Option.flag("--full", "canary: skip the remaining steps, straight to 100 % and the full size"),
        EngineOptions.DOCKER_HOST,
        EngineOptions.TARGET,
    }, EngineOptions.ROUTER, RunReport.OPTIONS);

    /** What the core puts before a message that is about the command itself, not one of its parameters. */
    private static final String OWN_PREFIX = "promote: ";

    @Override
    public String name() {
        return "promote";
    }

    @Override
    public String summary() {
        return "Continue a paused rollout (a canary's manual step, a blue-green release without auto-promotion)"
                + " from where it holds; --full skips a canary's remaining steps.";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        PromoteRequest request = request(o, terminal);
        try {
            return Pausing.told(EngineOptions.rollout(o, request.host(), null, null,
                    deployer -> deployer.promote(request, terminal.err()::println)), terminal);
        } catch (RequestException e) {
            // nothing is paused (or the target pauses nothing): the command line asked for what is not there
            String message = String.valueOf(e.getMessage());
            throw new UsageException(message.startsWith(OWN_PREFIX) ? message.substring(OWN_PREFIX.length())
                    : UsageException.optionNamed(message));
        }
    }

    /** The promote the options ask for; the command line names no build ({@code buildUrl} null). */
    static PromoteRequest request(ParsedOptions o, Terminal terminal) throws UsageException {
        DockerHost host = EngineOptions.host(o, terminal);
        String app = EngineOptions.app(o);
        return UsageException.check(() -> new PromoteRequest(host, app, o.flag("--full"), null));
    }
}
