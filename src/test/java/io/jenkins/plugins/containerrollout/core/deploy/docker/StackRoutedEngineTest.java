package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.jenkins.plugins.containerrollout.core.compose.ComposeLoader;
import io.jenkins.plugins.containerrollout.core.compose.StackDeployer;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.StackFixture;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * A Compose stack behind one HAProxy (a backend per service, named after its app; retries 0) under concurrent
 * clients: changing only the api's image rolls only the api, and no client request fails during it.
 */
public class StackRoutedEngineTest {
    private final DockerHost host = TestBed.host();
    private final StackFixture f = new StackFixture("strt");

    @After
    public void cleanup() {
        f.cleanup();
    }

    @Test
    public void onlyTheChangedServiceRollsAndNoRequestFailsThroughTheRouter() throws Exception {
        int webFront = Loopback.freeBase(f.project + "fw", 37000, 37499, 1);
        int apiFront = Loopback.freeBase(f.project + "fa", 37500, 37999, 1);
        String worker = StackFixture.worker();
        try (Haproxy haproxy = Haproxy.startForApps(List.of(f.app("web"), f.app("api")), List.of(webFront, apiFront), 8);
                DockerDeployer deployer = new DockerDeployer(host, new HaproxyRouter(haproxy.adminSocket()))) {
            StackDeployer stack = new StackDeployer(deployer, host, DeployFixture.probe());
            Path file = f.write(AppImages.app("web1", true), AppImages.app("api1", true), worker);
            StackResult first = stack.deploy(ComposeLoader.load(file, null, Map.of(), Map.of()), System.out::println);
            assertEquals(first.message(), Outcome.SUCCEEDED, first.outcome());
            List<String> web = f.containerIds("web");
            List<String> workerIds = f.containerIds("worker");
            List<String> api = f.containerIds("api");

            StackResult second;
            try (LoadClients webClients = new LoadClients(webFront, 2);
                    LoadClients apiClients = new LoadClients(apiFront, 2)) {
                Thread.sleep(300);
                file = f.write(AppImages.app("web1", true), AppImages.app("api2", true), worker);
                second = stack.deploy(ComposeLoader.load(file, null, Map.of(), Map.of()), System.out::println);
                Thread.sleep(300);
                webClients.close();
                apiClients.close();
                System.out.println("during the api's rollout: web " + webClients.answers() + ", api "
                        + apiClients.answers());
                PauseFixture.assertNoneFailed(webClients);
                PauseFixture.assertNoneFailed(apiClients);
                assertEquals("web answered web1 throughout", Map.of("version web1", webClients.total()),
                        webClients.answers());
                assertEquals("api2", apiClients.lastVersion());
            }
            assertEquals(second.message(), Outcome.SUCCEEDED, second.outcome());
            assertEquals("web keeps its containers", web, f.containerIds("web"));
            assertEquals("worker keeps its containers", workerIds, f.containerIds("worker"));
            assertNotEquals("api rolled", api, f.containerIds("api"));
        }
    }
}
