package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.compose.ComposeException;
import io.jenkins.plugins.containerrollout.core.compose.ComposeLoader;
import io.jenkins.plugins.containerrollout.core.compose.ComposeProject;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The stack work {@code containerDeploy(compose: ...)} and {@code containerRollback(project: ...)} send to the agent,
 * as named tasks of plain values, like {@link AppTasks} (the maps are {@link LinkedHashMap}s, not the build's
 * {@code EnvVars}, so no Jenkins type travels). The Compose file is read on the agent, relative to its workspace,
 * because that is where the checkout is.
 *
 * <p>Usage: {@code StackResult r = run.onAgent(new StackTasks.Deploy(target, host, "deploy/compose.yaml", "shop",
 * images, env, probe, credentials, core));}
 */
final class StackTasks {
    private StackTasks() {
    }

    /** Loads the Compose file below the workspace and deploys it (see {@link RolloutCore#deployStack}). */
    record Deploy(Target target, DockerHost host, String compose, String project, LinkedHashMap<String, String> images,
            LinkedHashMap<String, String> environment, ProbeSettings probe, RolloutStrategy strategy,
            String routerSocket, RegistryCredentials credentials, RolloutCore core) implements AgentTask<StackResult> {
        private static final long serialVersionUID = 1L;

        @Override
        public StackResult run(File workspace, ProgressSink console) throws Exception {
            try {
                Path file = workspace.toPath().resolve(compose);
                ComposeProject loaded = ComposeLoader.load(file, project, images, environment);
                return core.deployStack(target, host, loaded, probe, strategy, router(routerSocket), credentials, console);
            } catch (ComposeException e) {
                // the loader and the stack deployer name the key in the file; in a Jenkinsfile that file is compose
                throw new RequestException("compose: " + compose + ": " + e.getMessage(), e);
            }
        }
    }

    /** Restores a stack revision (see {@link RolloutCore#rollbackStack}). */
    record Rollback(Target target, DockerHost host, String project, int toRevision, ProbeSettings probe,
            String routerSocket, RegistryCredentials credentials, RolloutCore core) implements AgentTask<StackResult> {
        private static final long serialVersionUID = 1L;

        @Override
        public StackResult run(File workspace, ProgressSink console) throws Exception {
            return core.rollbackStack(target, host, project, toRevision, probe, router(routerSocket), credentials,
                    console);
        }
    }

    /**
     * The stack's router on the agent: one HAProxy whose backends are named after the apps ({@code shop-web}), so each
     * service is routed in its own backend; null socket: none.
     */
    static TrafficRouter router(String socket) {
        return socket == null ? TrafficRouter.NONE : new HaproxyRouter(java.nio.file.Path.of(socket));
    }
}
