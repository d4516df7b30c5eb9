package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * TLS to a real engine: a second dockerd with {@code --tlsverify} on a free loopback port. The right client
 * certificate gets through; the wrong CA, no client certificate or no TLS at all fail with a line that says which.
 */
public class TlsEngineTest {
    static TlsDockerd engine;

    @BeforeClass
    public static void startTlsEngine() throws Exception {
        engine = TlsDockerd.start();
    }

    @AfterClass
    public static void stopTlsEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void talksToTheEngineWithTheRightClientCertificate() throws Exception {
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(engine.host(engine.clientCerts))) {
            assertEquals(engine.dir.resolve("data").toString(), docker.infoCmd().exec().getDockerRootDir());
        }
    }

    @Test
    public void saysTheEngineIsNotSignedByOurCa() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(engine.host(engine.wrongCa)));
        assertEquals("TLS failure talking to the Docker engine at " + engine.uri() + ": its certificate is not signed by the"
                + " CA in ca.pem in " + engine.wrongCa + " (check DOCKER_CERT_PATH)", e.getMessage());
    }

    @Test
    public void saysTheEngineRefusedUsWithoutAClientCertificate() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(engine.host(engine.noClientCert)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()
                + ": the engine rejected our client certificate"));
    }

    @Test
    public void saysTheEngineWantsTlsWhenWeSpeakPlainHttp() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(new DockerHost(engine.uri(), false, null)));
        assertTrue(e.getMessage(), e.getMessage().contains("wants TLS"));
    }
}
