package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;

/** The same image and config with another replica count scales the current revision in place. */
public class ScalingEngineTest extends EngineTestBase {


    @Test
    public void sameSpecWithOtherReplicaCountScalesInPlaceWithoutNewRevisionOrRestart() throws Exception {
        int base = DeployFixture.portBase(app, 6);
        DeployRequest two = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image("1", true)), 2, base,
                RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
        deployer.deploy(two, ProgressSink.NONE);
        Map<String, String> startedAt = startTimes();

        RolloutRecord up = deployer.deploy(two.withReplicas(4), System.out::println);

        assertEquals(up.message(), Outcome.SUCCEEDED, up.outcome());
        assertEquals(1, up.fromRevision());
        assertEquals(1, up.toRevision());
        assertEquals("only the two new replicas started", 2, up.eventsOf(TimelineEvent.Type.STARTED).size());
        assertEquals(0, up.eventsOf(TimelineEvent.Type.STOPPED).size());
        Map<String, String> after = startTimes();
        startedAt.forEach((name, time) -> assertEquals("untouched: " + name, time, after.get(name)));
        assertEquals(4, deployer.status(app).readyReplicas());
        assertEquals(1, deployer.history(app).size());

        RolloutRecord down = deployer.deploy(two.withReplicas(1), System.out::println);
        assertEquals(Outcome.SUCCEEDED, down.outcome());
        assertEquals(3, down.eventsOf(TimelineEvent.Type.STOPPED).size());
        assertEquals(0, down.eventsOf(TimelineEvent.Type.STARTED).size());
        AppStatus status = deployer.status(app);
        assertEquals(1, status.desiredReplicas());
        assertEquals(1, status.readyReplicas());
        assertTrue("no stopped replica of the current revision lingers: " + status.replicas(),
                status.replicas().stream().allMatch(AppStatus.Replica::running));
    }

    /** Container name to its StartedAt, for the running replicas. */
    private Map<String, String> startTimes() {
        return TestBed.docker("ps", "--format", "{{.Names}}", "--filter", "label=" + AppLabels.APP + "=" + app,
                "--filter", "label=" + AppLabels.ROLE + "=replica").lines()
                .collect(Collectors.toMap(n -> n, n -> TestBed.docker("inspect", "--format", "{{.State.StartedAt}}", n).trim()));
    }
}
