package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the rollout steps' engine tests share: a block of free loopback ports in their range (33000-33999), the
 * version a port serves, and removal of everything an application left in the engine.
 *
 * <p>Usage: {@code int base = StepTestBed.freePorts(2); ... StepTestBed.removeApp(app, app + ":1.0");}
 */
final class StepTestBed {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StepTestBed() {
    }

    /** A base in 33000-33999 with {@code span} free loopback ports. */
    static int freePorts(int span) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 33000 + ThreadLocalRandom.current().nextInt(1000 - span);
            boolean free = true;
            for (int p = base; p < base + span && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException busy) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + span + " free ports in 33000-33999");
    }

    /** What {@code GET /version} answers on the first of {@code ports} that answers 200, or null. */
    static String version(int... ports) throws InterruptedException {
        for (int port : ports) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body().trim();
                }
            } catch (IOException e) {
                // nothing on this port: try the next
            }
        }
        return null;
    }

    /** Removes every container of {@code app} (replicas, records, lock) and the given images. */
    static void removeApp(String app, String... images) {
        String ids = TestBed.docker("ps", "-aq", "--filter", "label=" + AppLabels.APP + "=" + app).trim();
        for (String id : ids.isEmpty() ? new String[0] : ids.split("\\s+")) {
            TestBed.dockerResult("rm", "-f", id);
        }
        for (String image : images) {
            TestBed.dockerResult("rmi", "-f", image);
        }
    }
}
