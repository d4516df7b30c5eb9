package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** The client comes from the DockerHost alone, and failing to reach an engine says so in one line. */
public class DockerClientFactoryEngineTest {
    @Test
    public void connectsToTheTestBedEngineOverItsUnixSocket() throws Exception {
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(TestBed.host())) {
            assertTrue(docker.versionCmd().exec().getApiVersion().startsWith("1."));
        }
    }

    @Test
    public void explainsARefusedTcpConnection() throws Exception {
        int port = TestCommands.unusedPort();
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(new DockerHost("tcp://127.0.0.1:" + port, false, null)));
        assertEquals("cannot reach the Docker engine at tcp://127.0.0.1:" + port
                + ": nothing answers there (connection refused) — is dockerd running, and listening there? To use another"
                + " engine, set --docker-host (CLI), dockerHost (Pipeline step) or DOCKER_HOST", e.getMessage());
    }

    @Test
    public void explainsAMissingSocket() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(new DockerHost("unix:///nonexistent/docker.sock", false, null)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("cannot reach the Docker engine at unix:///nonexistent/docker.sock: "));
        assertTrue(e.getMessage(), e.getMessage().contains("nothing answers there (no such socket)"));
    }

    @Test
    public void namesTheMissingCaFileWhenTlsIsOn() throws Exception {
        Path empty = Files.createTempDirectory("bld-certs");
        try {
            EngineException e = assertThrows(EngineException.class,
                    () -> DockerClientFactory.DEFAULT.create(new DockerHost("tcp://127.0.0.1:2376", true, empty.toString())));
            assertTrue(e.getMessage(), e.getMessage().contains(empty.resolve("ca.pem").toString()));
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    public void rejectsAnAddressThatIsNoDockerHost() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.create(new DockerHost("http://127.0.0.1", false, null)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("not a Docker host address: http://127.0.0.1"));
    }
}
