package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the canary tests share: ports in 35000-36999, an image whose {@code /} answers 500 while its health check and
 * {@code /version} are fine (only an analysis of real traffic can catch it), and a counter of answers per version at
 * the router's frontend.
 */
final class CanaryFixture {
    private CanaryFixture() {
    }

    private static final String BROKEN = TestBed.unique("canary-img") + ":broken";
    private static volatile boolean brokenBuilt;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (brokenBuilt) {
                TestBed.dockerResult("rmi", "-f", BROKEN);
            }
        }));
    }

    /** Version {@code version} of the app, except that {@code GET /} answers 500 (a CGI replaces the index page). */
    static synchronized String brokenImage(String version) {
        if (brokenBuilt) {
            return BROKEN;
        }
        try {
            Path dir = TestImages.appContext(Files.createTempDirectory("canary-ctx"), version, true);
            Files.delete(dir.resolve("www/index.html"));
            Path cgi = dir.resolve("www/cgi-bin/index.cgi");
            Files.writeString(cgi, "#!/bin/sh\nprintf 'Status: 500 Internal Server Error\\r\\n"
                    + "Content-Type: text/plain\\r\\n\\r\\nbroken\\n'\n");
            Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
            TestBed.Result r = TestBed.run(List.of("docker", "build", "-q", "-t", BROKEN, "."), dir);
            if (r.exitCode() != 0) {
                throw new AssertionError("building " + BROKEN + " failed:\n" + r.output());
            }
            brokenBuilt = true;
            return BROKEN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base in 35000-36999 with {@code span} free ports, derived from the app name. */
    static int portBase(String app, int span) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 35000 + Math.floorMod(app.hashCode() + attempt * 20, 2000 - 20) / 20 * 20;
            boolean free = true;
            for (int p = base; p < base + span && free; p++) {
                free = Ports.free(p);
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no " + span + " free ports in 35000-36999");
    }

    /** Sends {@code requests} {@code GET /version} to the frontend from 8 clients; answers counted by version. */
    static Map<String, Integer> versions(int frontendPort, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(() -> {
                    HttpResponse<String> r = DeployFixture.get(frontendPort, "/version");
                    return r == null ? "no answer" : r.statusCode() == 200 ? r.body().trim() : "HTTP " + r.statusCode();
                });
            }
            Map<String, Integer> counts = new TreeMap<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }
}
