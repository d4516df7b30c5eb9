package io.jenkins.plugins.containerrollout.testing;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.Test;

/** The fixture every engine test stands on: a scratch image that serves its version and health on loopback. */
public class TestImagesEngineTest {
    @Test
    public void appImageServesVersionAndHealthOnItsPort() throws Exception {
        String name = TestBed.unique("fixture");
        String tag = TestImages.app(Files.createTempDirectory("ctx"), name + ":1", "1.0", false);
        TestBed.docker("run", "-d", "--name", name, "--network", "host", "-e", "PORT=18999", tag);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> version = null;
            for (int i = 0; i < 50 && version == null; i++) {
                try {
                    version = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18999/version")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals("1.0\n", version.body());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18999/cgi-bin/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, health.statusCode());
        } finally {
            TestBed.docker("rm", "-f", name);
            TestBed.docker("rmi", tag);
        }
    }
}
