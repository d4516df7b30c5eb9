package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;

/** Requests validate themselves when built (each error names the parameter) and travel to an agent intact. */
public class DeployRequestTest {
    private final DockerHost host = new DockerHost(DockerHost.LOCAL, false, null);
    private final DeployRequest good = DeployRequest.of(host, "web", "127.0.0.1:5000/web:7", 4, 21000);

    private static void assertNames(String parameter, ThrowingRunnable build) {
        String message = assertThrows(IllegalArgumentException.class, build).getMessage();
        assertTrue(message, message.startsWith(parameter + ":"));
    }

    @Test
    public void badValuesNameTheParameterAndTheFix() {
        assertNames("app", () -> DeployRequest.of(host, "Web.Shop", "web:1", 1, 21000));
        assertNames("replicas", () -> good.withReplicas(DeployRequest.MAX_REPLICAS + 1));
        assertNames("portBase", () -> DeployRequest.of(host, "web", "web:1", 4, 80));
        assertNames("portBase", () -> DeployRequest.of(host, "web", "web:1", 4, 65533));
        assertNames("revisionHistoryLimit", () -> good.withRevisionHistoryLimit(-1));
        assertNames("env", () -> ReplicaSpec.of("web:1").withEnv(Map.of("PORT", "80")));
        assertNames("containerPort", () -> ReplicaSpec.of("web:1").withNetwork("bridge", 0));
        assertNames("stopTimeoutSeconds", () -> ReplicaSpec.of("web:1").withStopTimeoutSeconds(-1));
        assertNames("toRevision", () -> RollbackRequest.to(host, "web", -2));
        assertNames("app", () -> RollbackRequest.previous(host, ""));
    }

    @Test
    public void requestsSurviveJavaSerialization() throws Exception {
        DeployRequest request = good.withSpec(ReplicaSpec.of("web:7").withEnv(Map.of("A", "b"))
                .withCommand(null, List.of("serve")).withVolumes(List.of("data:/data")))
                .withStrategy(RolloutStrategy.rolling("1", "0").withMinReadySeconds(2)).withBuild("http://ci/1/", "abc");
        assertEquals(request, roundTrip(request));
        RollbackRequest rollback = RollbackRequest.to(host, "web", 3);
        assertEquals(rollback, roundTrip(rollback));
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
