package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.io.File;

/**
 * The work {@code containerDeploy}, {@code containerVerify}, {@code containerRollback} and {@code containerPromote}
 * send to the agent, as named tasks that hold plain settings only (core requests, {@link RouterSettings}, the
 * target's kind, the core). A lambda would capture the step's {@code Execution} and, rebuilt on the agent, load it
 * and the Jenkins types it refers to; {@code AgentTasksTest} checks that no task's object graph holds a Jenkins or step type.
 *
 * <p>Usage: {@code RolloutRecord r = run.onAgent(new AppTasks.Deploy(target, request, router, credentials, core));}
 */
final class AppTasks {
    private AppTasks() {
    }

    /** Deploys {@code request} (see {@link RolloutCore#deploy}). */
    record Deploy(Target target, DeployRequest request, RouterSettings router, RegistryCredentials credentials,
            RolloutCore core) implements AgentTask<RolloutRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public RolloutRecord run(File workspace, ProgressSink console) throws Exception {
            return core.deploy(target, request, TrafficRouting.open(router), credentials, console);
        }
    }

    /** Restores a kept revision (see {@link RolloutCore#rollback}). */
    record Rollback(Target target, RollbackRequest request, RouterSettings router,
            RegistryCredentials credentials, RolloutCore core) implements AgentTask<RolloutRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public RolloutRecord run(File workspace, ProgressSink console) throws Exception {
            return core.rollback(target, request, TrafficRouting.open(router), credentials, console);
        }
    }

    /** Continues a paused rollout (see {@link RolloutCore#promote}). */
    record Promote(Target target, PromoteRequest request, RouterSettings router, RolloutCore core)
            implements AgentTask<RolloutRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public RolloutRecord run(File workspace, ProgressSink console) throws Exception {
            return core.promote(target, request, TrafficRouting.open(router), console);
        }
    }

    /** Reads where {@code app} stands (see {@link RolloutCore#status}). */
    record Status(Target target, DockerHost host, String app, RolloutCore core) implements AgentTask<AppStatus> {
        private static final long serialVersionUID = 1L;

        @Override
        public AppStatus run(File workspace, ProgressSink console) throws Exception {
            return core.status(target, host, app);
        }
    }

    /** Runs the checks (see {@link RolloutCore#verify}). */
    record Verify(DockerHost host, VerifyRequest request, RolloutCore core) implements AgentTask<VerificationResult> {
        private static final long serialVersionUID = 1L;

        @Override
        public VerificationResult run(File workspace, ProgressSink console) throws Exception {
            // smoke tests write their JUnit XML below the workspace, where the agent runs them, for the junit step
            return core.verify(host, request.reportsUnder(workspace.toPath()), console);
        }
    }
}
