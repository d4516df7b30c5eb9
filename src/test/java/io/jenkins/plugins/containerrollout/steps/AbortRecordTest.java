package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.Before;
import org.junit.Test;

/**
 * A deploy or rollback aborted while the agent works still leaves a record with the build: {@code ABORTED}, with
 * what the controller knows. The abort is done as workflow-step-api's {@code SynchronousNonBlockingStepExecution.stop}
 * does it: {@code stop(cause)} on the execution and an interrupt of the thread running the step.
 */
public class AbortRecordTest extends FakeCoreHarness {
    private static volatile CountDownLatch onAgent;

    /**
     * A core that works until it is interrupted, as a rollout on a real engine waits for replicas. Its deploy ends as
     * the core's engine calls do (STYLE: restore the interrupt flag): its own exception, the flag set again; its
     * rollback lets the {@link InterruptedException} through.
     */
    static final class UntilInterrupted implements RolloutCore {
        private static final long serialVersionUID = 1L;

        private static RolloutRecord work() throws InterruptedException {
            onAgent.countDown();
            Thread.sleep(60_000);
            throw new AssertionError("not interrupted");
        }

        @Override
        public RolloutRecord deploy(Target target, DeployRequest request, TrafficRouter router,
                RegistryCredentials credentials, ProgressSink progress) throws Exception {
            try {
                return work();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("waiting for replicas was interrupted", e);
            }
        }

        @Override
        public RolloutRecord rollback(Target target, RollbackRequest request, TrafficRouter router,
                RegistryCredentials credentials, ProgressSink progress) throws Exception {
            return work();
        }

        @Override
        public RolloutRecord promote(Target target, io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest request,
                TrafficRouter router, ProgressSink progress) throws Exception {
            return work();
        }
        @Override
        public AppStatus status(Target target, DockerHost host, String app) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.jenkins.plugins.containerrollout.core.compose.StackResult deployStack(Target target, DockerHost host,
                io.jenkins.plugins.containerrollout.core.compose.ComposeProject project,
                io.jenkins.plugins.containerrollout.core.health.ProbeSettings probe,
                io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy strategy, TrafficRouter router,
                RegistryCredentials credentials,
                ProgressSink progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.jenkins.plugins.containerrollout.core.compose.StackResult rollbackStack(Target target,
                DockerHost host, String project, int toRevision,
                io.jenkins.plugins.containerrollout.core.health.ProbeSettings probe, TrafficRouter router,
                RegistryCredentials credentials, ProgressSink progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) {
            throw new UnsupportedOperationException();
        }
    }

    /** The harness's Jenkins, noting whether the thread was interrupted when it recorded (a file write would fail). */
    private final List<Boolean> interruptedWhenRecording = new ArrayList<>();
    private JenkinsServices services;

    @Before
    public void services() {
        onAgent = new CountDownLatch(1);
        StepHarness.FakeJenkins fake = harness.jenkins;
        services = new JenkinsServices() {
            @Override
            public RegistryCredentials usernamePassword(String id, Run<?, ?> build, String registryUri) {
                return fake.usernamePassword(id, build, registryUri);
            }

            @Override
            public TlsMaterial dockerServer(String id, Run<?, ?> build, String hostUri) {
                return fake.dockerServer(id, build, hostUri);
            }

            @Override
            public <V> V act(FilePath workspace, FilePath.FileCallable<V> callable) throws java.io.IOException,
                    InterruptedException {
                return fake.act(workspace, callable);
            }

            @Override
            public void attach(Run<?, ?> run, ReportEntry entry) {
                interruptedWhenRecording.add(Thread.currentThread().isInterrupted());
                fake.attach(run, entry);
            }

            @Override
            public void markUnstable(Run<?, ?> run, FlowNode node, String why) {
                fake.markUnstable(run, node, why);
            }
        };
    }

    /** Runs {@code execution} on a thread, aborts it once it is on the agent, and returns what the step threw. */
    private static Throwable abort(ContainerStepExecution<?> execution, StepHarness harness) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread step = new Thread(() -> {
            try {
                execution.execute(harness);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        step.start();
        assertTrue("the step reached the agent", onAgent.await(10, TimeUnit.SECONDS));
        execution.stop(new Exception("Aborted by admin"));
        step.interrupt(); // what stop() does through Future.cancel(true) in a real Jenkins
        step.join(10_000);
        assertFalse(step.isAlive());
        return thrown.get();
    }

    @Test
    public void anAbortedDeployIsRecordedAsAborted() throws Exception {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);

        Throwable thrown = abort(new ContainerDeployStep.Execution(harness, step, services, new UntilInterrupted()),
                harness);

        assertTrue(String.valueOf(thrown), thrown instanceof java.io.IOException);
        assertEquals(1, harness.jenkins.recorded.size());
        RolloutRecord r = ((ReportEntry.Rollout) harness.jenkins.recorded.get(0)).record();
        assertEquals(Outcome.ABORTED, r.outcome());
        assertEquals(Operation.DEPLOY, r.operation());
        assertEquals("web", r.app());
        assertEquals("127.0.0.1:5000/web:4", r.image());
        assertTrue(r.message(), r.message().startsWith("containerDeploy was aborted after "));
        assertTrue(r.finishedAtMillis() >= r.startedAtMillis());
        assertEquals("recorded with the interrupt flag cleared", List.of(false), interruptedWhenRecording);
    }

    @Test
    public void anAbortedRollbackIsRecordedAsAborted() throws Exception {
        Throwable thrown = abort(new ContainerRollbackStep.Execution(harness, new ContainerRollbackStep("web"), services,
                new UntilInterrupted()), harness);

        assertTrue(String.valueOf(thrown), thrown instanceof InterruptedException);
        RolloutRecord r = ((ReportEntry.Rollout) harness.jenkins.recorded.get(0)).record();
        assertEquals(Outcome.ABORTED, r.outcome());
        assertEquals(Operation.ROLLBACK, r.operation());
        assertNull(r.image());
    }
}
