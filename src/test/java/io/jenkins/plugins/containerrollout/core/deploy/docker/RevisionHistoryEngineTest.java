package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The history keeps the current revision and revisionHistoryLimit earlier ones, each with its full spec. */
public class RevisionHistoryEngineTest extends EngineTestBase {
    @Test
    public void historyKeepsTheLimitOfEarlierRevisionsAndPrunesOlderOnes() throws Exception {
        int base = DeployFixture.portBase(app, 2);
        for (String v : List.of("1", "2", "3", "4")) {
            ReplicaSpec spec = DeployFixture.spec(DeployFixture.image(v, true)).withEnv(Map.of("RELEASE", v));
            deployer.deploy(new DeployRequest(host, app, spec, 1, base, RolloutStrategy.rolling("1", "0"),
                    DeployFixture.probe(), 2, null, "commit-" + v), ProgressSink.NONE);
        }

        List<RevisionInfo> history = deployer.history(app);

        assertEquals(List.of(2, 3, 4), history.stream().map(RevisionInfo::revision).toList());
        assertEquals(Map.of("RELEASE", "2"), history.get(0).spec().env());
        assertEquals("commit-3", history.get(1).commit());
        assertTrue(history.get(2).current());
        assertEquals("only the current revision runs", List.of(0, 0, 1),
                history.stream().map(RevisionInfo::runningReplicas).toList());
        // the deploy returned once revision 3's replica was told to stop: kept once it has exited
        assertEquals("only the previous revision keeps its replica, stopped or stopping", List.of(0, 1, 0),
                history.stream().map(r -> r.keptReplicas() + r.stoppingReplicas()).toList());
        String records = TestBed.docker("ps", "-a", "--format", "{{.Names}}", "--filter",
                "label=" + AppLabels.ROLE + "=revision", "--filter", "label=" + AppLabels.APP + "=" + app);
        assertEquals(3, records.lines().count());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> deployer.rollback(RollbackRequest.to(host, app, 1), ProgressSink.NONE)).getMessage()
                .contains("kept revisions: 2, 3, 4"));
    }
}
