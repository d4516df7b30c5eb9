package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.docker.DockerDeployer;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The example Compose file of the docs, as it is, deploys on the engine: its healthchecks (a fragment merged into two
 * services, {@code $$PORT} for the replica's own port; a worker's own check) gate every service, its named volume is
 * shared by the api and the worker, and the ports come from its variables.
 */
public class ExampleComposeEngineTest {
    private final DockerHost host = TestBed.host();
    private final StackFixture f = new StackFixture("shopex"); // a unique project name, and its cleanup

    @After
    public void cleanup() {
        f.cleanup();
        TestBed.dockerResult("volume", "rm", "-f", f.project + "_api-data");
    }

    @Test
    public void theDocsExampleDeploysAndEveryServiceIsHealthy() throws Exception {
        String image = AppImages.app("shop1", true);
        int web = Loopback.freeBase(f.project + "w", 37000, 37499, 3);
        int api = Loopback.freeBase(f.project + "a", 37500, 37999, 2);
        ComposeProject project = ComposeLoader.load(Path.of("docs/example/compose.yaml"), f.project,
                Map.of("web", image, "api", image, "worker", image),
                Map.of("WEB_PORT", String.valueOf(web), "API_PORT", String.valueOf(api)));
        try (DockerDeployer deployer = new DockerDeployer(host)) {
            StackResult result = new StackDeployer(deployer, host, ProbeSettings.defaults()).deploy(project,
                    System.out::println);

            assertEquals(result.message(), Outcome.SUCCEEDED, result.outcome());
            for (String service : new String[] {"web", "api", "worker"}) {
                AppStatus s = deployer.status(f.app(service));
                assertEquals(service + ": " + s, s.desiredReplicas(), s.readyReplicas());
            }
            assertEquals(2, deployer.status(f.app("web")).desiredReplicas());
            assertEquals("shop1", Loopback.version(web));
            assertEquals("shop1", Loopback.version(api));
            String check = TestBed.docker("inspect", "--format", "{{json .Config.Healthcheck.Test}}",
                    f.app("web") + ".r1.s1").trim();
            assertEquals("[\"CMD-SHELL\",\"wget -qO- http://127.0.0.1:$PORT/cgi-bin/health || exit 1\"]", check);
            assertTrue("the worker's own check passed: it wrote its heartbeat into the shared volume",
                    TestBed.docker("inspect", "--format", "{{.State.Health.Status}}", f.app("worker") + ".r1.s0")
                            .contains("healthy"));
        }
    }
}
