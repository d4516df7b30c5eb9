package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.compose.ComposeProject;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.PromoteRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutMetrics;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.verify.CheckResult;
import io.jenkins.plugins.containerrollout.core.verify.CheckStatus;
import io.jenkins.plugins.containerrollout.core.verify.TestCounts;
import io.jenkins.plugins.containerrollout.core.verify.VerificationResult;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link RolloutCore} that answers with canned records and remembers every request, for the step executions'
 * tests. Like {@link StepHarness}'s console it stays the same object after its trip "to the agent".
 */
final class FakeRolloutCore implements RolloutCore {
    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();
    transient DeployRequest deployed;
    transient RegistryCredentials credentials;
    transient TrafficRouter router;
    transient final List<RollbackRequest> rollbacks = new ArrayList<>();
    transient VerifyRequest verified;
    /** The last promote request. */
    transient PromoteRequest promoted;
    private transient RolloutRecord promoteRecord;
    private transient RolloutRecord deployRecord;
    transient DockerHost verifiedOn;
    transient int statusCalls;
    /** The target of every deploy, rollback and status call, in order. */
    transient final List<Target> targets = new ArrayList<>();
    private transient Outcome deployOutcome = Outcome.SUCCEEDED;
    private transient Outcome rollbackOutcome = Outcome.SUCCEEDED;
    private transient boolean verificationPasses = true;
    private transient AppStatus status;
    private transient RuntimeException deployFailure;
    /** The stack the last deployStack call got (loaded on the "agent" from the workspace), and its probe. */
    transient ComposeProject stack;
    transient ProbeSettings stackProbe;
    /** The strategy the last deployStack call got (null: the step named none). */
    transient RolloutStrategy stackStrategy;
    /** The router the last deployStack call got. */
    transient TrafficRouter stackRouter;
    /** The project and stack revision the last rollbackStack call got. */
    transient String stackRolledBack;
    transient int stackToRevision = -1;
    private transient Outcome stackOutcome = Outcome.SUCCEEDED;

    FakeRolloutCore() {
        StepHarness.REMOTED.put(id, this);
        serving("web", 2, 21000, 21001);
    }

    FakeRolloutCore deployEnds(Outcome outcome) {
        this.deployOutcome = outcome;
        return this;
    }

    FakeRolloutCore rollbackEnds(Outcome outcome) {
        this.rollbackOutcome = outcome;
        return this;
    }

    /** The deployer refuses the request with {@code failure}, as it does for what only the engine can tell. */
    FakeRolloutCore deployThrows(RuntimeException failure) {
        this.deployFailure = failure;
        return this;
    }

    FakeRolloutCore stackEnds(Outcome outcome) {
        this.stackOutcome = outcome;
        return this;
    }

    FakeRolloutCore verificationFails() {
        this.verificationPasses = false;
        return this;
    }

    /** The deploy answers with {@code record} (a paused one, say). */
    FakeRolloutCore deployReturns(RolloutRecord record) {
        this.deployRecord = record;
        return this;
    }

    /** The promote answers with {@code record}. */
    FakeRolloutCore promoteEnds(RolloutRecord record) {
        this.promoteRecord = record;
        return this;
    }

    /** The application's state as given (a paused one, say). */
    FakeRolloutCore status(AppStatus given) {
        this.status = given;
        return this;
    }

    /** The application's state: {@code desired} replicas, the given ports serving. */
    FakeRolloutCore serving(String app, int desired, Integer... ports) {
        this.status = new AppStatus(app, AppPhase.COMPLETE, 3, 3, desired, ports.length, List.of(ports), List.of(), null, null);
        return this;
    }

    /** A record like the deployer's: revision 3 → 4 (or back to 3 on a rollback), 4.2 s, floor 0.5, restore 1.5 s. */
    static RolloutRecord record(String app, Operation operation, Outcome outcome) {
        boolean restored = outcome == Outcome.ROLLED_BACK || operation == Operation.ROLLBACK;
        int to = operation == Operation.ROLLBACK ? 2 : 4;
        int serving = outcome == Outcome.SUCCEEDED ? to : 3;
        return new RolloutRecord(app, operation, 3, to, serving, "127.0.0.1:5000/web:4", "sha256:abc", null, 2, "rolling",
                Map.of("maxSurge", "1 = 1"), List.of(), outcome, outcome == Outcome.SUCCEEDED ? "2/2 replicas on revision " + to
                        : "replica web.r4.s0 failed its health gate", 1000, 5200,
                new RolloutMetrics(List.of(), 0.5, 0.4, restored ? 1.0 : 0.0, 4200, restored ? 1500 : -1));
    }

    @Override
    public RolloutRecord deploy(Target target, DeployRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) {
        if (deployFailure != null) {
            throw deployFailure;
        }
        targets.add(target);
        this.deployed = request;
        this.router = router;
        this.credentials = credentials;
        progress.line(request.app() + ": 2/2 replicas on revision 4");
        return deployRecord != null ? deployRecord : record(request.app(), Operation.DEPLOY, deployOutcome);
    }

    @Override
    public RolloutRecord rollback(Target target, RollbackRequest request, TrafficRouter router,
            RegistryCredentials credentials, ProgressSink progress) {
        targets.add(target);
        rollbacks.add(request);
        this.router = router;
        this.credentials = credentials;
        return record(request.app(), Operation.ROLLBACK, rollbackOutcome);
    }

    @Override
    public RolloutRecord promote(Target target, PromoteRequest request, TrafficRouter router, ProgressSink progress) {
        targets.add(target);
        this.promoted = request;
        this.router = router;
        return promoteRecord != null ? promoteRecord : record(request.app(), Operation.DEPLOY, Outcome.SUCCEEDED);
    }

    @Override
    public AppStatus status(Target target, DockerHost host, String app) {
        targets.add(target);
        statusCalls++;
        return status;
    }

    @Override
    public VerificationResult verify(DockerHost host, VerifyRequest request, ProgressSink progress) {
        this.verified = request;
        this.verifiedOn = host;
        CheckStatus verdict = verificationPasses ? CheckStatus.PASSED : CheckStatus.FAILED;
        List<CheckResult> results = request.checks().stream().map(c -> new CheckResult(c.name(), c.type(), verdict,
                verificationPasses ? "200 in 3 ms" : "503 (expected 200)", null, 1000, 3)).toList();
        int passed = verificationPasses ? results.size() : 0;
        return new VerificationResult(request.name(), verificationPasses, request.onFailure(), passed,
                results.size() - passed, 0, TestCounts.NONE, results, 1000, 40);
    }

    /** Stack revision 2 → 3 (stays 2 unless it succeeded); one record per service, each app on revision 4 or 3. */
    @Override
    public StackResult deployStack(Target target, DockerHost host, ComposeProject project, ProbeSettings probe,
            RolloutStrategy strategy, TrafficRouter router, RegistryCredentials credentials, ProgressSink progress) {
        targets.add(target);
        this.stack = project;
        this.stackRouter = router;
        this.stackStrategy = strategy;
        this.stackProbe = probe;
        this.credentials = credentials;
        List<RolloutRecord> records = project.services().stream().map(s -> record(project.name() + "-" + s.name(),
                Operation.DEPLOY, stackOutcome)).toList();
        return new StackResult(project.name(), "deploy", 2, stackOutcome == Outcome.SUCCEEDED ? 3 : 2, stackOutcome,
                "stack " + project.name() + " " + stackOutcome, records);
    }

    @Override
    public StackResult rollbackStack(Target target, DockerHost host, String project, int toRevision,
            ProbeSettings probe, TrafficRouter router, RegistryCredentials credentials, ProgressSink progress) {
        targets.add(target);
        this.stackRolledBack = project;
        this.stackToRevision = toRevision;
        this.credentials = credentials;
        return new StackResult(project, "rollback", 3, 4, stackOutcome, "stack " + project + " restored",
                List.of(record(project + "-web", Operation.ROLLBACK, stackOutcome)));
    }

    private Object readResolve() {
        return StepHarness.REMOTED.get(id);
    }
}
