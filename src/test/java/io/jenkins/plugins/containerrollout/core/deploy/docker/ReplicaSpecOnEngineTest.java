package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The container a replica spec becomes, checked on the created (never started) container: a bridge network replica
 * is only ever published on 127.0.0.1, and every spec field reaches the engine.
 */
public class ReplicaSpecOnEngineTest {
    private final String app = TestBed.unique("dep");
    private final AppEngine engine = new AppEngine(DeployClients.open(TestBed.host()));

    @After
    public void cleanup() {
        DeployFixture.cleanup(app);
        engine.close();
    }

    private String inspect(String name, String format) {
        return TestBed.docker("inspect", "--format", format, name).trim();
    }

    @Test
    public void bridgeReplicaIsPublishedOnLoopbackOnlyWithEverySpecField() {
        String image = DeployFixture.image("1", true);
        ReplicaSpec spec = ReplicaSpec.of(image).withNetwork("bridge", 8080).withEnv(Map.of("MODE", "prod"))
                .withLimits(64L << 20, 500_000_000L).withRestartPolicy("on-failure:3")
                .withLabels(Map.of("team", "web")).withVolumes(List.of("/tmp:/data:ro"))
                .withCommand(List.of("/bin/sh", "-c"), List.of("exec httpd -f -p 0.0.0.0:$PORT -h /www"))
                .withStopTimeoutSeconds(3);
        String imageId = TestBed.docker("image", "inspect", "--format", "{{.Id}}", image).trim();
        Revision rev = new Revision(5, spec, "hash5", imageId, null, "/", false, null, null, 0);

        engine.createReplica(app, rev, 2, 24002);

        String name = AppLabels.replicaName(app, 5, 2);
        assertEquals("{\"8080/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"24002\"}]}",
                inspect(name, "{{json .HostConfig.PortBindings}}"));
        assertEquals("bridge", inspect(name, "{{.HostConfig.NetworkMode}}"));
        String env = inspect(name, "{{json .Config.Env}}");
        assertTrue(env, env.contains("\"PORT=8080\"") && env.contains("\"MODE=prod\""));
        assertEquals("67108864 500000000", inspect(name, "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}"));
        assertEquals("on-failure 3", inspect(name, "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"));
        assertEquals("[/tmp:/data:ro]", inspect(name, "{{.HostConfig.Binds}}"));
        assertEquals("[/bin/sh -c] [exec httpd -f -p 0.0.0.0:$PORT -h /www]", inspect(name, "{{.Config.Entrypoint}} {{.Config.Cmd}}"));
        assertEquals("3", inspect(name, "{{.Config.StopTimeout}}"));
        assertEquals(imageId, inspect(name, "{{.Image}}"));
        String labels = inspect(name, "{{json .Config.Labels}}");
        assertTrue(labels, labels.contains("\"team\":\"web\"") && labels.contains("\"" + AppLabels.REVISION + "\":\"5\"")
                && labels.contains("\"" + AppLabels.PORT + "\":\"24002\"") && labels.contains("\"" + AppLabels.SLOT + "\":\"2\""));
        assertEquals("created", inspect(name, "{{.State.Status}}"));
    }

    @Test
    public void hostNetworkReplicaGetsItsPortInTheEnvironmentAndNoPublishing() {
        String image = DeployFixture.image("1", true);
        String imageId = TestBed.docker("image", "inspect", "--format", "{{.Id}}", image).trim();
        Revision rev = new Revision(1, ReplicaSpec.of(image), "hash1", imageId, null, "/", false, null, null, 0);

        engine.createReplica(app, rev, 0, 24010);

        String name = AppLabels.replicaName(app, 1, 0);
        assertEquals("host", inspect(name, "{{.HostConfig.NetworkMode}}"));
        assertTrue(inspect(name, "{{json .Config.Env}}").contains("\"PORT=24010\""));
        assertTrue(List.of("{}", "null").contains(inspect(name, "{{json .HostConfig.PortBindings}}")));
    }
}
