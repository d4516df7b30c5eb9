package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.core.image.BuildException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.ImageBuilder;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * TLS to a real engine: a second dockerd with {@code --tlsverify} on a free loopback port, with TLS material from a
 * certificate directory ({@code DOCKER_CERT_PATH}) or held in memory (a Docker Server Certificate credential). The
 * right client certificate gets through; the wrong CA, no client certificate or no TLS at all fail with a line that
 * says which, naming the directory or the credential.
 */
public class TlsEngineTest {
    private static final String CREDENTIALS = "credentials 'docker-tls'";
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
    public void buildsAnImageOverTlsWithTheRightClientCertificate() throws Exception {
        DockerHost tls = engine.host(engine.clientCerts);
        BuildResult result = buildOn(tls, "bld-tls:1");
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(tls)) {
            assertEquals(result.imageId(), docker.inspectImageCmd("bld-tls:1").exec().getId());
        }
    }

    @Test
    public void aBuildWithoutTheClientCertificateFailsInOneLine() {
        BuildException e = assertThrows(BuildException.class, () -> buildOn(engine.host(engine.noClientCert), "bld-tls:2"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the engine wants a client certificate and " + engine.noClientCert
                + " has no cert.pem/key.pem"));
    }

    /** Builds the test-bed app image on {@code host} (the TLS engine is thrown away with its images). */
    private static BuildResult buildOn(DockerHost host, String tag) throws Exception {
        Path ctx = TestImages.appContext(Files.createTempDirectory("bld-tls-ctx"), "tls", true);
        try {
            BuildRequest request = new BuildRequest(host, ctx.toString(), null, List.of(tag), Map.of(), null, Map.of(),
                    false, false, false, null, null, Duration.ofMinutes(5));
            return new ImageBuilder(host).build(request, line -> { });
        } finally {
            TestBed.run(List.of("rm", "-rf", ctx.toString()), Path.of("/"));
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
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the engine wants a client certificate and " + engine.noClientCert
                + " has no cert.pem/key.pem"));
    }

    @Test
    public void saysTheEngineRejectedAClientCertificateFromAnotherCa() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(engine.host(engine.foreignClientCert)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("TLS failure talking to the Docker engine at " + engine.uri()));
        assertTrue(e.getMessage(), e.getMessage().endsWith("the engine rejected our client certificate (cert.pem/key.pem in "
                + engine.foreignClientCert + ") — is it signed by the engine's --tlscacert?"));
    }

    @Test
    public void saysTheEngineWantsTlsWhenWeSpeakPlainHttp() {
        EngineException e = assertThrows(EngineException.class,
                () -> DockerClientFactory.DEFAULT.connect(new DockerHost(engine.uri(), false, null)));
        assertTrue(e.getMessage(), e.getMessage().contains("wants TLS"));
    }

    /** The material of a certificate directory, in memory as a credential hands it over. */
    private static DockerHost inMemory(Path certs) throws Exception {
        return new DockerHost(engine.uri(), false, null).withTls(TlsDockerd.material(certs, CREDENTIALS));
    }

    /** Connecting to the engine with {@code host} fails; the message, after the common prefix. */
    private static String tlsFailure(DockerHost host) {
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.connect(host));
        String prefix = "TLS failure talking to the Docker engine at " + engine.uri() + ": ";
        assertTrue(e.getMessage(), e.getMessage().startsWith(prefix));
        return e.getMessage().substring(prefix.length());
    }

    @Test
    public void talksToTheEngineWithTheRightMaterialInMemory() throws Exception {
        try (DockerClient docker = DockerClientFactory.DEFAULT.connect(inMemory(engine.clientCerts))) {
            assertEquals(engine.dir.resolve("data").toString(), docker.infoCmd().exec().getDockerRootDir());
        }
    }

    @Test
    public void saysTheEngineIsNotSignedByTheCredentialsCa() throws Exception {
        assertEquals("its certificate is not signed by the server CA certificate of " + CREDENTIALS,
                tlsFailure(inMemory(engine.wrongCa)));
    }

    @Test
    public void saysNoCaTheJvmTrustsSignedTheEngineWhenTheCredentialsHaveNone() throws Exception {
        TlsMaterial right = TlsDockerd.material(engine.clientCerts, CREDENTIALS);
        DockerHost noCa = new DockerHost(engine.uri(), false, null)
                .withTls(new TlsMaterial(CREDENTIALS, null, right.clientCertificate(), right.clientKey()));
        assertEquals("its certificate is not signed by any CA this JVM trusts — add the engine's CA to " + CREDENTIALS,
                tlsFailure(noCa));
    }

    @Test
    public void saysTheEngineWantsAClientCertificateTheCredentialsLack() throws Exception {
        String why = tlsFailure(inMemory(engine.noClientCert));
        assertTrue(why, why.endsWith("the engine wants a client certificate and " + CREDENTIALS + " has none"));
    }

    @Test
    public void saysTheEngineRejectedTheCredentialsClientCertificate() throws Exception {
        String why = tlsFailure(inMemory(engine.foreignClientCert));
        assertTrue(why, why.endsWith("the engine rejected the client certificate of " + CREDENTIALS
                + " — is it signed by the engine's --tlscacert?"));
    }
}
