package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * A Compose stack's bridge network on the engine, checked by what reaches the engine (the test bed carries no traffic
 * to bridge addresses, so no replica is started here): the network is made once with the file's driver, labels and
 * options, an external one must exist, and a replica created on it is published on 127.0.0.1 only and reachable by
 * its service's name on the network.
 */
public class StackNetworkOnEngineTest {
    private final String app = TestBed.unique("net");
    private final String network = app + "_front";
    private final DockerDeployer deployer = new DockerDeployer(TestBed.host());
    private final AppEngine engine = new AppEngine(DeployClients.open(TestBed.host()));

    @After
    public void cleanup() {
        DeployFixture.cleanup(app);
        TestBed.dockerResult("network", "rm", network);
        engine.close();
        deployer.close();
    }

    private String inspect(String what, String name, String format) {
        return TestBed.docker(what, "inspect", "--format", format, name).trim();
    }

    @Test
    public void theNetworkIsMadeOnceWithTheFilesSettingsAndAnExternalOneMustExist() {
        Map<String, String> labels = Map.of(AppLabels.PROJECT, app, "tier", "front");
        deployer.ensureNetwork(network, null, labels, Map.of("com.docker.network.driver.mtu", "1400"), false);
        String id = inspect("network", network, "{{.Id}}");
        deployer.ensureNetwork(network, null, labels, Map.of(), false);
        assertEquals("made once, then left alone", id, inspect("network", network, "{{.Id}}"));
        assertEquals("bridge", inspect("network", network, "{{.Driver}}"));
        assertTrue(inspect("network", network, "{{json .Labels}}").contains("\"tier\":\"front\""));
        assertEquals("1400", inspect("network", network, "{{index .Options \"com.docker.network.driver.mtu\"}}"));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> deployer.ensureNetwork(app + "_nowhere", null, labels, Map.of(), true));
        assertTrue(missing.getMessage(), missing.getMessage().startsWith("networks: '" + app + "_nowhere' is external"));
    }

    @Test
    public void aReplicaOnItIsPublishedOnLoopbackAndReachedByItsServicesName() {
        deployer.ensureNetwork(network, null, Map.of(AppLabels.PROJECT, app), Map.of(), false);
        String image = DeployFixture.image("1", true);
        ReplicaSpec spec = ReplicaSpec.of(image).withNetwork(network, 8080).withNetworkAliases(List.of("api"));
        String imageId = TestBed.docker("image", "inspect", "--format", "{{.Id}}", image).trim();

        engine.createReplica(app, new Revision(1, spec, "h1", imageId, null, "/", false, null, null, 0), 0, 24102);

        String name = AppLabels.replicaName(app, 1, 0);
        assertEquals(network, inspect("container", name, "{{.HostConfig.NetworkMode}}"));
        assertEquals("{\"8080/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"24102\"}]}",
                inspect("container", name, "{{json .HostConfig.PortBindings}}"));
        assertTrue(inspect("container", name, "{{json .NetworkSettings.Networks}}"),
                inspect("container", name, "{{json (index .NetworkSettings.Networks \"" + network + "\").Aliases}}")
                        .contains("\"api\""));
        assertEquals("created, never started", "created", inspect("container", name, "{{.State.Status}}"));
    }
}
