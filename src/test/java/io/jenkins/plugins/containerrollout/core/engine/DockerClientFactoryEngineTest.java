package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The client comes from the DockerHost alone, and failing to reach an engine says so in one line. */
public class DockerClientFactoryEngineTest {
    @Test
    public void connectsToTheTestBedEngineOverItsUnixSocket() throws Exception {
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(TestBed.host())) {
            assertTrue(docker.versionCmd().exec().getApiVersion().startsWith("1."));
        }
    }

    /**
     * Without a TLS context of ours, docker-java's HTTP client loads the JDK's default one (the security providers and
     * the whole cacerts trust store) for a unix socket that never speaks TLS: a large part of a CLI call's start (#17).
     * Seen in a fresh JVM's class-loading log, as this JVM may have loaded the trust store for another test.
     */
    @Test
    public void aUnixSocketClientLoadsNoTrustStore() throws Exception {
        Path log = Files.createTempFile("classes", ".log");
        try {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                    ConnectOnce.class.getName(), TestBed.host().uri())).inheritIO().start();
            assertTrue("timed out", p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue());
            String classes = Files.readString(log);
            assertTrue("the client was made and asked", classes.contains(DockerClientFactory.class.getName() + " "));
            assertFalse("the default trust store was loaded", classes.contains("sun.security.ssl.TrustStoreManager "));
        } finally {
            Files.delete(log);
        }
    }

    /** Connects to the engine its argument names (a ping) and exits: {@link #aUnixSocketClientLoadsNoTrustStore}. */
    public static final class ConnectOnce {
        public static void main(String[] args) throws Exception {
            DockerClientFactory.DEFAULT.connect(DockerHost.resolve(args[0], Map.of())).close();
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
