package io.jenkins.plugins.containerrollout.core.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.cli.JsonOutput;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * In-memory TLS material without an engine: the client key never shows in text or JSON (requests end up in reports),
 * still travels whole to an agent, and bad material is refused before any connection with a line naming its source.
 */
public class TlsMaterialTest {
    private static final String SOURCE = "credentials 'docker-tls'";
    private static Path pki;
    private static TlsMaterial material;

    @BeforeClass
    public static void makeSelfSignedCertificate() throws Exception {
        pki = Files.createTempDirectory("tls-material");
        TestCommands.run(pki, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                "cert.pem", "-days", "1", "-subj", "/CN=tls-material-test");
        Files.copy(pki.resolve("cert.pem"), pki.resolve("ca.pem"));
        material = TlsDockerd.material(pki, SOURCE);
    }

    @AfterClass
    public static void removeCertificate() {
        if (pki != null) {
            TestBed.run(List.of("rm", "-rf", pki.toString()), Path.of("/"));
        }
    }

    private static DockerHost host() {
        return new DockerHost("tcp://127.0.0.1:2376", false, null).withTls(material);
    }

    /** The base64 body of the key, the part a leak would show. */
    private static String keyBody() {
        return material.clientKey().lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }

    @Test
    public void hostAndRequestTextNeverShowTheClientKey() {
        DeployRequest request = DeployRequest.of(host(), "web", "127.0.0.1:5000/web:7", 1, 21000);
        assertFalse(request.toString(), request.toString().contains(keyBody()));
        assertEquals("TlsMaterial[" + SOURCE + ", server CA certificate, client certificate, client key ****]",
                material.toString());
    }

    @Test
    public void jsonOfAHostCarriesNoTlsMaterial() throws Exception {
        ByteArrayOutputStream cli = new ByteArrayOutputStream();
        JsonOutput.print(Map.of("host", host()), new PrintStream(cli, true, StandardCharsets.UTF_8));
        for (String json : List.of(new ObjectMapper().writeValueAsString(host()), cli.toString(StandardCharsets.UTF_8))) {
            assertTrue(json, json.contains("\"uri\":\"tcp://127.0.0.1:2376\""));
            assertFalse(json, json.contains("tls\""));
            assertFalse(json, json.contains(keyBody()));
        }
    }

    @Test
    public void jsonOfTheMaterialItselfCarriesNoClientKey() throws Exception {
        String json = new ObjectMapper().writeValueAsString(material);
        assertTrue(json, json.contains(SOURCE));
        assertFalse(json, json.contains("clientKey"));
        assertFalse(json, json.contains(keyBody()));
    }

    @Test
    public void travelsWholeToAnAgent() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(host());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(host(), in.readObject());
        }
    }

    @Test
    public void materialMeansTlsAndReplacesACertificateDirectory() {
        DockerHost host = new DockerHost("tcp://127.0.0.1:2376", false, "/certs").withTls(material);
        assertTrue(host.tlsVerify());
        assertNull(host.certPath());
    }

    @Test
    public void refusesAClientCertificateWithoutItsKey() {
        DockerHost host = host().withTls(new TlsMaterial(SOURCE, material.caCertificate(), material.clientCertificate(), " "));
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.create(host));
        assertEquals(SOURCE + " has a client certificate but no client key — give both or neither", e.getMessage());
    }

    @Test
    public void namesAnUnreadableClientKeyWithoutQuotingIt() {
        String garbage = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS10ZXh0\n-----END PRIVATE KEY-----\n";
        DockerHost host = host().withTls(new TlsMaterial(SOURCE, material.caCertificate(), material.clientCertificate(), garbage));
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.create(host));
        assertEquals("cannot read the client key of " + SOURCE + ": it holds no PEM private key (BEGIN PRIVATE KEY or"
                + " BEGIN RSA/EC PRIVATE KEY)", e.getMessage());
    }

    @Test
    public void namesAnUnreadableCaCertificate() {
        DockerHost host = host().withTls(new TlsMaterial(SOURCE, "not a certificate", null, null));
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.create(host));
        assertEquals("cannot read the server CA certificate of " + SOURCE + ": it holds no PEM certificate (BEGIN"
                + " CERTIFICATE)", e.getMessage());
    }

    @Test
    public void refusesMaterialForAUnixSocket() {
        DockerHost host = new DockerHost(DockerHost.LOCAL, false, null).withTls(material);
        EngineException e = assertThrows(EngineException.class, () -> DockerClientFactory.DEFAULT.create(host));
        assertEquals("TLS material from " + SOURCE + " is for a tcp:// engine but " + DockerHost.LOCAL
                + " is not one — give the engine's tcp://host:port", e.getMessage());
    }
}
