package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import org.junit.Test;

/**
 * A converged rollout returns once its last replaced replicas are out of traffic and told to stop, as
 * {@code kubectl rollout status} does, not after their grace period: the fixture's httpd ignores SIGTERM, so each stop
 * takes the whole {@link #GRACE}. Until it has ended the app's status does not count those replicas, and a deploy that
 * comes meanwhile neither probes nor routes them. That the engine ends them without the caller:
 * {@code cli.LastStopsAfterExitEngineTest}.
 */
public class LastStopsEngineTest extends EngineTestBase {
    private static final int GRACE = 8;

    private DeployRequest request(String version, int base) {
        ReplicaSpec spec = ReplicaSpec.of(DeployFixture.image(version, true)).withStopTimeoutSeconds(GRACE);
        // maxSurge = replicas: one batch, so no replica of the update waits for a stopping one's port
        return new DeployRequest(host, app, spec, 2, base, RolloutStrategy.rolling("2", "0"), DeployFixture.probe(),
                10, null, null);
    }

    @Test
    public void theDeployReturnsBeforeTheGracePeriodAndTheEngineStillEndsTheReplacedReplicas() throws Exception {
        int base = DeployFixture.portBase(app, 10);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("1", base), System.out::println).outcome());

        long start = System.currentTimeMillis();
        RolloutRecord v2 = deployer.deploy(request("2", base), System.out::println);
        long took = System.currentTimeMillis() - start;

        assertEquals(v2.message(), Outcome.SUCCEEDED, v2.outcome());
        assertTrue("returned after " + took + " ms, before the " + GRACE + " s grace of the replaced replicas",
                took < (GRACE - 1) * 1000L);
        List<TimelineEvent> told = v2.eventsOf(TimelineEvent.Type.STOPPED).stream()
                .filter(e -> e.revision() == 1).toList();
        assertEquals(v2.events().toString(), 2, told.size());
        told.forEach(e -> assertTrue(e.detail(), e.detail().startsWith("replaced; told to stop, the engine ends it"
                + " within its stop timeout of " + GRACE + " s")));
        assertEquals("both still running: the engine waits out their grace", 2, running(1));

        AppStatus status = deployer.status(app);
        assertEquals("the stopping replicas are not counted", 2, status.readyReplicas());
        assertEquals(List.of("stopping: replaced by revision 2", "stopping: replaced by revision 2"),
                status.replicas().stream().filter(r -> r.revision() == 1).map(AppStatus.Replica::detail).toList());
        RevisionInfo one = deployer.history(app).get(0);
        assertEquals("history: revision 1's replicas stopping, not running nor kept yet", List.of(2, 0, 0),
                List.of(one.stoppingReplicas(), one.runningReplicas(), one.keptReplicas()));

        // a deploy within their grace: revision 1's replicas are neither probed nor routed, their stops awaited
        RolloutRecord v3 = deployer.deploy(request("3", base), System.out::println);
        assertEquals(v3.message(), Outcome.SUCCEEDED, v3.outcome());
        assertTrue("revision 1 was not taken as serving: " + v3.events(), v3.events().stream()
                .noneMatch(e -> e.revision() == 1 && e.type() == TimelineEvent.Type.SERVING));
        assertEquals("the first routing has revision 2's replicas only", "serving ports [" + (base + 2) + ", "
                + (base + 3) + "]", v3.eventsOf(TimelineEvent.Type.TRAFFIC).get(0).detail());
        assertEquals("their stops were awaited", 0, running(1));
        assertServes(3, 2, "3");
    }

    @Test
    public void aRollbackWhileThePreviousRevisionIsStillStoppingServesItOnceThoseStopsEnd() throws Exception {
        int base = DeployFixture.portBase(app, 10);
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("1", base), System.out::println).outcome());
        assertEquals(Outcome.SUCCEEDED, deployer.deploy(request("2", base), System.out::println).outcome());
        long graceOver = System.currentTimeMillis() + GRACE * 1000L;
        assertEquals("revision 1's replicas in their grace", 2, running(1));

        // revision 1's replicas still run but are on their way out: they must not count as restored
        RolloutRecord back = deployer.rollback(RollbackRequest.previous(host, app).withProbe(DeployFixture.probe()),
                System.out::println);

        assertEquals(back.message(), Outcome.SUCCEEDED, back.outcome());
        // a replica the engine was still ending has exited by then: SIGKILL at the end of its grace
        Thread.sleep(Math.max(0, graceOver - System.currentTimeMillis()) + 1000);
        assertServes(1, 2, "1");
        assertEquals("revision 1's two replicas run, restarted after their stop", 2, running(1));
    }

    private int running(int revision) {
        return TestBed.docker("ps", "-q", "--filter", "name=" + app + ".r" + revision + ".").lines()
                .filter(l -> !l.isBlank()).toList().size();
    }
}
