package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/**
 * With {@code DOCKER_TLS_VERIFY} and no {@code DOCKER_CERT_PATH} the docker CLI reads {@code ~/.docker} of the user
 * who runs it. In Jenkins the host is picked on the controller (from the step's environment) and the client made on
 * the agent: the default folder must be the agent's home, not the controller's.
 */
public class DockerHostDefaultsTest {
    private static final Map<String, String> TLS = Map.of("DOCKER_HOST", "tcp://127.0.0.1:1", "DOCKER_TLS_VERIFY", "1");

    @Test
    public void theDefaultCertificateFolderIsResolvedWhereTheClientIsMade() throws Exception {
        String home = System.getProperty("user.home");
        DockerHost picked;
        try {
            System.setProperty("user.home", "/controller-home");
            picked = DockerHost.resolve(null, TLS);
            System.setProperty("user.home", "/agent-home");
            DockerHost onAgent = overTheWire(picked);

            assertEquals(Path.of("/agent-home/.docker").toString(), onAgent.certDirectory());
            EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.create(onAgent));
            assertTrue(e.getMessage(), e.getMessage().contains("/agent-home/.docker/ca.pem is missing"));
        } finally {
            System.setProperty("user.home", home);
        }
        assertNull("nothing of the controller's home travels", picked.certPath());
    }

    @Test
    public void anExplicitCertPathIsKeptAsGiven() {
        DockerHost host = DockerHost.resolve(null, Map.of("DOCKER_HOST", "tcp://127.0.0.1:1", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/etc/docker-certs"));
        assertEquals("/etc/docker-certs", host.certDirectory());
    }

    @Test
    public void withoutTlsThereIsNoFolder() {
        assertNull(DockerHost.resolve(null, Map.of("DOCKER_HOST", "tcp://127.0.0.1:1")).certDirectory());
    }

    private static DockerHost overTheWire(DockerHost host) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(host);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (DockerHost) in.readObject();
        }
    }
}
