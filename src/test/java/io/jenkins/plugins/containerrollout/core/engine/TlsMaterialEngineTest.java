package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * TLS material held in memory (a Docker Server Certificate credential) against a real {@code --tlsverify} engine:
 * the right material gets through; the wrong CA, no client certificate or a foreign one fail with a line naming the
 * credential.
 */
public class TlsMaterialEngineTest {
    private static final String SOURCE = "credentials 'docker-tls'";
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

    private static DockerHost host(Path certs) throws Exception {
        return new DockerHost(engine.uri(), false, null).withTls(TlsDockerd.material(certs, SOURCE));
    }

    @Test
    public void talksToTheEngineWithTheRightMaterial() throws Exception {
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(host(engine.clientCerts))) {
            assertEquals(engine.dir.resolve("data").toString(), docker.infoCmd().exec().getDockerRootDir());
        }
    }

    @Test
    public void saysTheEngineIsNotSignedByTheCredentialsCa() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(host(engine.wrongCa)));
        assertEquals("TLS failure talking to the Docker engine at " + engine.uri() + ": its certificate is not signed by"
                + " the server CA certificate of " + SOURCE, e.getMessage());
    }

    @Test
    public void saysTheJvmTrustsNoCaOfTheEngineWhenTheCredentialsHaveNone() throws Exception {
        TlsMaterial right = TlsDockerd.material(engine.clientCerts, SOURCE);
        DockerHost noCa = new DockerHost(engine.uri(), false, null)
                .withTls(new TlsMaterial(SOURCE, null, right.clientCertificate(), right.clientKey()));
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.connect(noCa));
        assertEquals("TLS failure talking to the Docker engine at " + engine.uri() + ": its certificate is not signed by"
                + " any CA this JVM trusts — add the engine's CA to " + SOURCE, e.getMessage());
    }

    @Test
    public void saysTheEngineWantsAClientCertificateTheCredentialsLack() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(host(engine.noClientCert)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the engine wants a client certificate and " + SOURCE
                + " has none"));
    }

    @Test
    public void saysTheEngineRejectedTheCredentialsClientCertificate() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(host(engine.foreignClientCert)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the engine rejected the client certificate of " + SOURCE
                + " — is it signed by the engine's --tlscacert?"));
    }
}
