package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.ContainerHealthcheck;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** How a service becomes a deploy request on the Docker-host target (no engine: the mapping alone). */
public class ServiceRequestsTest {
    private static final DockerHost HOST = DockerHost.resolve(null, Map.of());

    private static List<DeployRequest> map(String services, StackRevision previous) {
        return map(services, previous, null);
    }

    private static List<DeployRequest> map(String services, StackRevision previous, RolloutStrategy chosen) {
        ComposeProject p = ComposeLoader.parse("name: shop\nservices:\n" + services + "volumes: {data: {}}\n",
                "compose.yaml", Path.of("/srv/shop"), null, Map.of(), Map.of());
        return new ServiceRequests(HOST, ProbeSettings.defaults(), previous, chosen).all(p);
    }

    @Test
    public void mapsImageEnvironmentCommandLimitsRestartLabelsVolumesAndThePublishedPort() {
        DeployRequest r = map("  api:\n    image: a:1\n    environment: {MODE: prod}\n    entrypoint: [/bin/sh]\n"
                + "    command: [-c, run]\n    restart: always\n    stop_grace_period: 1500ms\n    labels: {tier: back}\n"
                + "    volumes: [data:/data, ./conf:/conf:ro]\n    ports: ['127.0.0.1:21000:8080']\n"
                + "    deploy: {replicas: 2, resources: {limits: {memory: 64m, cpus: '0.5'}}}\n", null).get(0);
        assertEquals("shop-api", r.app());
        assertEquals("a:1", r.spec().image());
        assertEquals(Map.of("MODE", "prod"), r.spec().env());
        assertEquals(List.of("/bin/sh"), r.spec().entrypoint());
        assertEquals(List.of("-c", "run"), r.spec().command());
        assertEquals("always", r.spec().restartPolicy());
        assertEquals("stop_grace_period rounded up to whole seconds", 2, r.spec().stopTimeoutSeconds());
        assertEquals("the engine's default grace without it", 10, map("  b:\n    image: b\n", null).get(0).spec()
                .stopTimeoutSeconds());
        assertEquals("the file's labels and the project's", Map.of("tier", "back",
                io.jenkins.plugins.containerrollout.core.deploy.AppLabels.PROJECT, "shop"), r.spec().labels());
        assertEquals(List.of("shop_data:/data", "/srv/shop/conf:/conf:ro"), r.spec().volumes());
        assertEquals(64L << 20, r.spec().memoryBytes());
        assertEquals(500_000_000L, r.spec().nanoCpus());
        assertEquals(21000, r.portBase());
        assertEquals(2, r.replicas());
    }

    @Test
    public void strategyComesFromXRolloutElseUpdateConfigElseRollingDefaults() {
        List<DeployRequest> r = map("  a:\n    image: a\n    x-rollout: {maxSurge: 2, batchDelay: 3s, minReadySeconds: 4}\n"
                + "  b:\n    image: b\n    deploy: {update_config: {parallelism: 2, order: start-first}}\n"
                + "  c:\n    image: c\n", null);
        assertEquals(RolloutStrategy.rolling("2", "25%").withBatchDelay(Duration.ofSeconds(3)).withMinReadySeconds(4),
                r.get(0).strategy());
        assertEquals(RolloutStrategy.rolling("2", "0"), r.get(1).strategy());
        assertEquals(RolloutStrategy.rolling(), r.get(2).strategy());
    }

    @Test
    public void aServiceWithoutAPortKeepsThePortBaseItsStackRecorded() {
        StackRevision before = new StackRevision("shop", 1, List.of(new StackRevision.Service("worker", "shop-worker", 3,
                31234)), 0);
        assertEquals(31234, map("  worker:\n    image: w\n", before).get(0).portBase());
        int fresh = map("  worker:\n    image: w\n", null).get(0).portBase();
        assertTrue(String.valueOf(fresh), fresh >= ServiceRequests.UNPUBLISHED_FROM && fresh <= ServiceRequests.UNPUBLISHED_TO);
    }

    @Test
    public void refusesWhatTheHostNetworkTargetCanNotDoNamingTheKey() {
        assertEquals("services.a.ports lists 2 ports; on the host network a service has one port base (its first"
                + " replica's port); keep one", assertThrows(ComposeException.class,
                        () -> map("  a:\n    image: a\n    ports: ['21000:1', '21001:2']\n", null)).getMessage());
        assertTrue(assertThrows(ComposeException.class, () -> map("  a:\n    image: a\n    ports: ['8080']\n",
                null)).getMessage().startsWith("services.a.ports publishes no host port"));
    }

    @Test
    public void theCallersStrategyRollsEveryServiceWithoutItsOwn() {
        RolloutStrategy recreate = RolloutStrategy.recreate().withProgressDeadlineSeconds(90);
        List<DeployRequest> r = map("  a:\n    image: a\n    x-rollout: {maxSurge: 2}\n"
                + "  b:\n    image: b\n    deploy: {update_config: {parallelism: 2, order: start-first}}\n"
                + "  c:\n    image: c\n", null, recreate);
        assertEquals("x-rollout wins", RolloutStrategy.rolling("2", "25%"), r.get(0).strategy());
        assertEquals("update_config wins", RolloutStrategy.rolling("2", "0"), r.get(1).strategy());
        assertEquals("the rest roll out as chosen, always with automatic rollback", recreate.withAutoRollback(true),
                r.get(2).strategy());
    }

    @Test
    public void aServiceOnANetworkIsPublishedFromItsTargetPortAndReachedByItsName() {
        List<DeployRequest> r = map("  api:\n    image: a\n    networks: [front]\n"
                + "    ports: ['127.0.0.1:21000:8080']\n"
                + "  worker:\n    image: w\n    networks: {front: {}}\n"
                + "  web:\n    image: b\n    ports: ['127.0.0.1:21010:21010']\n"
                + "networks: {front: {}}\n", null);
        ReplicaSpec api = r.get(0).spec();
        assertEquals("shop_front", api.networkMode());
        assertEquals(8080, api.containerPort());
        assertEquals(21000, r.get(0).portBase());
        assertEquals(List.of("api"), api.networkAliases());
        ReplicaSpec worker = r.get(1).spec();
        assertEquals("a worker's PORT inside is its port base", r.get(1).portBase(), worker.containerPort());
        assertEquals("a service without networks stays on the host network", "host", r.get(2).spec().networkMode());
    }

    @Test
    public void aNetworkedServiceRefusesWhatItCanNotDoNamingTheKey() {
        assertEquals("services.a.ports publishes on 0.0.0.0; replicas are published on 127.0.0.1 only (a router on the"
                + " host gives them one address); use 127.0.0.1:PORT:TARGET", assertThrows(ComposeException.class,
                        () -> map("  a:\n    image: a\n    networks: [front]\n    ports: ['0.0.0.0:21000:80']\n"
                                + "networks: {front: {}}\n", null)).getMessage());
        assertTrue(assertThrows(ComposeException.class, () -> map("  a:\n    image: a\n    networks: [front, back]\n"
                + "networks: {front: {}, back: {}}\n", null)).getMessage().startsWith("services.a.networks names"
                + " [front, back]; a replica joins one network here"));
    }

    @Test
    public void aHealthcheckGoesOnTheReplicasAsTheEngineTakesIt() {
        List<DeployRequest> r = map("  a:\n    image: a\n    healthcheck: {test: [CMD, 'true'], interval: 2s, timeout: 1500ms,"
                + " retries: 3, start_period: 10s}\n"
                + "  b:\n    image: b\n    healthcheck: {test: 'wget -q -O- http://127.0.0.1:$$PORT/ || exit 1'}\n"
                + "  c:\n    image: c\n    healthcheck: {disable: true}\n"
                + "  d:\n    image: d\n", null);
        assertEquals(new ContainerHealthcheck(List.of("CMD", "true"), 2000, 1500, 3, 10_000), r.get(0).spec().healthcheck());
        assertEquals(List.of("CMD-SHELL", "wget -q -O- http://127.0.0.1:$PORT/ || exit 1"),
                r.get(1).spec().healthcheck().test());
        assertTrue(r.get(2).spec().healthcheck().disabled());
        assertEquals("no healthcheck: the image's HEALTHCHECK as it is", null, r.get(3).spec().healthcheck());
    }

    @Test
    public void aTargetWithoutStacksRefusesNamingTheOption() {
        AppDeployer none = new AppDeployer() {
            @Override
            public io.jenkins.plugins.containerrollout.core.record.RolloutRecord deploy(DeployRequest request,
                    io.jenkins.plugins.containerrollout.core.ProgressSink sink) {
                throw new AssertionError();
            }

            @Override
            public io.jenkins.plugins.containerrollout.core.record.RolloutRecord rollback(
                    io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest request,
                    io.jenkins.plugins.containerrollout.core.ProgressSink sink) {
                throw new AssertionError();
            }

            @Override
            public List<io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo> history(String app) {
                return List.of();
            }

            @Override
            public io.jenkins.plugins.containerrollout.core.deploy.AppStatus status(String app) {
                throw new AssertionError();
            }

            @Override
            public void remove(String app) {
            }

            @Override
            public void close() {
            }
        };
        RequestException e = assertThrows(RequestException.class, () -> none.stackHistory("shop"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("compose: this target keeps no stack revisions, so it"
                + " cannot deploy a stack (--compose, --project)"));
    }
}
