package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Rolling back by hand: to the previous revision (fast path) and to an older one from another process. */
public class ManualRollbackEngineTest extends EngineTestBase {


    private DeployRequest request(String version, int base) {
        ReplicaSpec spec = DeployFixture.spec(DeployFixture.image(version, true)).withEnv(Map.of("RELEASE", version));
        return new DeployRequest(host, app, spec, 2, base, RolloutStrategy.rolling("100%", "0"), DeployFixture.probe(),
                10, "http://jenkins/job/web/" + version + "/", "commit-" + version);
    }

    @Test
    public void rollbackToARevisionThreeBackWorksFromAFreshDeployer() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        try (DockerDeployer first = new DockerDeployer(host)) {
            for (String v : List.of("1", "2", "3", "4")) {
                assertEquals(Outcome.SUCCEEDED, first.deploy(request(v, base), ProgressSink.NONE).outcome());
            }
        }
        try (DockerDeployer other = new DockerDeployer(host)) { // another process: nothing but the engine in common
            List<RevisionInfo> history = other.history(app);
            assertEquals(List.of(1, 2, 3, 4), history.stream().map(RevisionInfo::revision).toList());
            RevisionInfo one = history.get(0);
            assertEquals(0, one.keptReplicas() + one.runningReplicas());

            RolloutRecord record = other.rollback(RollbackRequest.to(host, app, 1).withProbe(DeployFixture.probe())
                    .withStrategy(RolloutStrategy.rolling("100%", "0")), System.out::println);

            assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
            assertEquals(Operation.ROLLBACK, record.operation());
            assertEquals(4, record.fromRevision());
            assertEquals(1, record.toRevision());
            assertEquals(one.imageId(), record.imageId());
            assertTrue(record.metrics().timeToRestoreMillis() > 0);
            AppStatus status = other.status(app);
            assertEquals(1, status.stableRevision());
            assertEquals(2, status.readyReplicas());
            for (int port : status.servingPorts()) {
                assertEquals("1", DeployFixture.version(port));
            }
            String replica = status.replicas().stream().filter(AppStatus.Replica::ready).findFirst().orElseThrow().name();
            String env = TestBed.docker("inspect", "--format", "{{json .Config.Env}} {{.Image}}", replica);
            assertTrue("same config as revision 1: " + env, env.contains("RELEASE=1") && env.contains(one.imageId()));
            System.out.println("rollback 4->1 (re-created from the record): " + record.metrics().durationMillis() + " ms");
        }
    }

    @Test
    public void rollbackToThePreviousRevisionRestartsItsKeptReplicas() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            deployer.deploy(request("1", base), ProgressSink.NONE);
            deployer.deploy(request("2", base), ProgressSink.NONE);
            // the deploy returned once revision 1's replicas were told to stop: kept, or kept once they have exited
            RevisionInfo one = deployer.history(app).get(0);
            assertEquals(one.toString(), 2, one.keptReplicas() + one.stoppingReplicas());

            RolloutRecord record = deployer.rollback(RollbackRequest.previous(host, app).withProbe(DeployFixture.probe())
                    .withStrategy(RolloutStrategy.rolling("100%", "0")), System.out::println);

            assertEquals(record.message(), Outcome.SUCCEEDED, record.outcome());
            assertEquals(1, record.toRevision());
            long reused = record.eventsOf(TimelineEvent.Type.CREATED).stream()
                    .filter(e -> e.detail().contains("kept container re-used")).count();
            assertEquals("both kept replicas of revision 1 restarted", 2, reused);
            assertEquals(2, deployer.status(app).readyReplicas());
            RevisionInfo two = deployer.history(app).get(1);
            assertEquals("revision 2 is now the kept one: " + two, 2, two.keptReplicas() + two.stoppingReplicas());
            System.out.println("rollback 2->1 (kept replicas restarted): " + record.metrics().durationMillis() + " ms");
        }
    }

    @Test
    public void rollbackToAnUnknownRevisionNamesTheKeptOnes() throws Exception {
        int base = DeployFixture.portBase(app, 4);
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            deployer.deploy(request("1", base), ProgressSink.NONE);
            IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                    () -> deployer.rollback(RollbackRequest.to(host, app, 9), ProgressSink.NONE));
            assertTrue(e.getMessage(), e.getMessage().startsWith("toRevision: revision 9") && e.getMessage().contains("kept revisions: 1"));
            e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                    () -> deployer.rollback(RollbackRequest.previous(host, app), ProgressSink.NONE));
            assertTrue(e.getMessage(), e.getMessage().startsWith("toRevision: app '" + app + "' keeps no revision before"));
        }
    }
}
