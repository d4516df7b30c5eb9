package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.compose.ComposeException;
import io.jenkins.plugins.containerrollout.core.compose.ComposeLoader;
import io.jenkins.plugins.containerrollout.core.compose.ComposeProject;
import io.jenkins.plugins.containerrollout.core.compose.StackDeployer;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The stack forms of {@code deploy} and {@code rollback}: {@code deploy --compose FILE --project NAME [--image
 * SERVICE=IMAGE ...]} and {@code rollback --project NAME [--to-revision N]} (docs/compose.md). {@link DeployCommand}
 * and {@link RollbackCommand} hand over to them when {@code --compose} / {@code --project} is given. The JSON output
 * is one {@link StackResult}: the stack revisions before and after, the outcome, and every app record it ran.
 *
 * <p>Usage: {@code container-rollout deploy --compose compose.yaml --project shop --image web=127.0.0.1:5000/web:7}
 */
final class StackCommands {
    private static final Option PROJECT = Option.value("--project", "NAME",
            "the Compose project: service S is the app NAME-S (default for deploy: the file's name:)");
    private static final Option[] COMMON = {
        Option.value("--health-path", "PATH", "readiness probe path of every service whose image has no HEALTHCHECK"
                + " (default /)"),
        PasswordSource.USERNAME,
        PasswordSource.STDIN,
        EngineOptions.DOCKER_HOST,
        EngineOptions.TARGET,
        PasswordSource.REFUSED[0],
        PasswordSource.REFUSED[1],
    };

    /** {@code deploy --compose FILE}. */
    static final Command DEPLOY = new Stack("deploy", "Deploy every service of a Compose file as one stack revision.",
            Options.of(new Option[] {
                Option.value("--compose", "FILE", "the Compose file (docs/compose.md lists the keys)").mandatory(),
                PROJECT,
                Option.value("--image", "SERVICE=IMAGE", "the image of a service, overriding the file's").multiple(),
            }, COMMON, RolloutOptions.STRATEGY, RolloutOptions.PROBE, EngineOptions.ROUTER, RunReport.OPTIONS), true);

    /** {@code rollback --project NAME}. */
    static final Command ROLLBACK = new Stack("rollback", "Restore every service of a stack to a stack revision.",
            Options.of(new Option[] {
                PROJECT.mandatory(),
                Option.value("--to-revision", "N", "stack revision to restore (default: the one before the latest)"),
            }, COMMON, RolloutOptions.PROBE, EngineOptions.ROUTER, RunReport.OPTIONS), false);

    private StackCommands() {
    }

    /** True when {@code args} name {@code option} ({@code --compose FILE} or {@code --compose=FILE}). */
    static boolean names(List<String> args, String option) {
        return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    private record Stack(String name, String summary, Options options, boolean deploy) implements Command {
        @Override
        public Object run(ParsedOptions o, Terminal terminal) throws Exception {
            for (String oneApp : List.of("--router-backend", "--router-frontend-port", "--router-preview-port")) {
                if (o.value(oneApp) != null) {
                    throw new UsageException(oneApp + ": names one app's backend or frontend; a stack's router gives "
                            + "each service the backend named after its app (PROJECT-SERVICE): remove " + oneApp);
                }
            }
            DockerHost host = EngineOptions.host(o, terminal);
            String healthPath = o.value("--health-path") == null ? "/" : o.value("--health-path");
            ProbeSettings probe = RolloutOptions.probe(o, healthPath);
            int to = o.nonNegative("--to-revision", 0);
            ComposeProject project = deploy ? load(o, terminal) : null;
            // the services without their own x-rollout or update_config roll out as the options say
            RolloutStrategy chosen = deploy && RolloutOptions.anyStrategyGiven(o) ? RolloutOptions.strategy(o) : null;
            RegistryCredentials login = PasswordSource.credentials(o, terminal);
            try (AppDeployer deployer = EngineOptions.deployer(o, host, login)) {
                StackDeployer stack = new StackDeployer(deployer, host, probe, chosen);
                StackResult result = run(stack, project, o.value("--project"), to, terminal);
                return CommandResult.of(result, result.reportEntries(), result.outcome() == Outcome.SUCCEEDED ? null
                        : result.operation() + " of stack " + result.project() + " "
                                + result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                                + result.message());
            }
        }

        private StackResult run(StackDeployer stack, ComposeProject project, String name, int to, Terminal terminal)
                throws UsageException, InterruptedException {
            try {
                return deploy ? stack.deploy(project, terminal.err()::println) : stack.rollback(name, to,
                        terminal.err()::println);
            } catch (ComposeException e) {
                // the stack deployer's refusals name the key in the file; on the command line that file is --compose
                throw new UsageException("--compose: " + e.getMessage());
            } catch (RequestException e) {
                throw new UsageException(UsageException.optionNamed(e.getMessage()));
            }
        }

        private static ComposeProject load(ParsedOptions o, Terminal terminal) throws UsageException {
            Map<String, String> images = o.pairs("--image");
            Path file = Path.of(o.value("--compose"));
            return UsageException.check(() -> ComposeLoader.load(file, o.value("--project"), images, terminal.env()));
        }
    }
}
