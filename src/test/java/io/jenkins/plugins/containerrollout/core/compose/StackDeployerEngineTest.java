package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** A Compose project deployed as one stack on the real engine: order, health gates, unchanged services, rollback. */
public class StackDeployerEngineTest {
    private static final ProbeSettings PROBE = new ProbeSettings("/cgi-bin/health", Duration.ofMillis(200),
            Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(20));
    private final DockerHost host = TestBed.host();
    private final DockerDeployer deployer = new DockerDeployer(host);
    private final StackDeployer stack = new StackDeployer(deployer, host, PROBE);
    private final StackFixture f = new StackFixture("stack");

    @After
    public void cleanup() {
        f.cleanup();
        deployer.close();
    }

    private StackResult deploy(String web, String api) throws InterruptedException {
        Path file = f.write(web, api, StackFixture.worker());
        return stack.deploy(ComposeLoader.load(file, null, Map.of(), Map.of()), System.out::println);
    }

    /**
     * What every serving replica of a service answers on /version, when they agree. Replica k serves on the port base
     * + k, so after a rolling update the serving port may be the base + 1: a router gives one address.
     */
    private String serves(String service) {
        List<String> versions = deployer.status(f.app(service)).servingPorts().stream().map(Loopback::version)
                .distinct().toList();
        return versions.size() == 1 ? versions.get(0) : versions.toString();
    }

    @Test
    public void firstDeployRunsEveryServiceThenOnlyTheChangedServiceRolls() throws Exception {
        StackResult first = deploy(AppImages.app("web1", true), AppImages.app("api1", true));
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());
        assertEquals(1, first.servingRevision());
        assertEquals("dependency order", List.of(f.app("api"), f.app("web"), f.app("worker")),
                first.services().stream().map(r -> r.app()).toList());
        assertEquals("web1", serves("web"));
        assertEquals("api1", serves("api"));
        assertEquals(1, deployer.status(f.app("worker")).readyReplicas());
        List<String> web = f.containerIds("web");
        List<String> worker = f.containerIds("worker");
        List<String> api = f.containerIds("api");

        StackResult second = deploy(AppImages.app("web1", true), AppImages.app("api2", true));

        assertEquals(second.message(), Outcome.SUCCEEDED, second.outcome());
        assertEquals(2, second.servingRevision());
        assertEquals("api2", serves("api"));
        assertEquals("web keeps its containers", web, f.containerIds("web"));
        assertEquals("worker keeps its containers", worker, f.containerIds("worker"));
        assertNotEquals("api rolled", api, f.containerIds("api"));
        List<StackRevision> history = deployer.stackHistory(f.project);
        assertEquals(2, history.size());
        assertEquals(1, history.get(0).service("api").revision());
        assertEquals(2, history.get(1).service("api").revision());
        assertEquals(1, history.get(1).service("web").revision());

        StackResult same = deploy(AppImages.app("web1", true), AppImages.app("api2", true));
        assertEquals(same.message(), 2, same.servingRevision());
        assertEquals("an unchanged stack records no revision", 2, deployer.stackHistory(f.project).size());
    }

    @Test
    public void aServiceFailingItsHealthGateRollsBackTheServicesUpdatedBeforeIt() throws Exception {
        StackResult first = deploy(AppImages.app("web1", true), AppImages.app("api1", true));
        assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());

        // api (first in order) rolls to api2 and passes; web's new image fails its health gate
        StackResult failed = deploy(AppImages.app("web2", false), AppImages.app("api2", true));

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        assertEquals(1, failed.servingRevision());
        assertTrue(failed.message(), failed.message().contains(f.app("api") + " rolled back to revision 1"));
        assertEquals("the stack serves the previous revision entirely", "api1", serves("api"));
        assertEquals("web1", serves("web"));
        assertEquals(1, deployer.status(f.app("api")).stableRevision());
        assertEquals(1, deployer.stackHistory(f.project).size());
    }

    @Test
    public void aFailedFirstStackDeployRemovesTheServicesItCreatedAndRecordsNoRevision() throws Exception {
        StackResult failed = deploy(AppImages.app("web2", false), AppImages.app("api1", true));

        assertEquals(failed.message(), Outcome.ROLLED_BACK, failed.outcome());
        assertEquals(0, failed.servingRevision());
        assertTrue(failed.message(), failed.message().contains(f.app("api") + " removed (it was new)"));
        assertEquals("the api is not left running alone", List.of(), f.containerIds("api"));
        assertEquals(List.of(), f.containerIds("web"));
        assertEquals(List.of(), deployer.stackHistory(f.project));
    }
}
