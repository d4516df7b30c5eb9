package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.AppImages;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
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

    /** Version {@code version} of the app, except that {@code GET /} answers 500 (a CGI replaces the index page). */
    static String brokenImage(String version) {
        return AppImages.cached("canary-broken-" + version, tag -> {
            try {
                Path dir = TestImages.appContext(Files.createTempDirectory("canary-ctx"), version, true);
                Files.delete(dir.resolve("www/index.html"));
                Path cgi = dir.resolve("www/cgi-bin/index.cgi");
                Files.writeString(cgi, "#!/bin/sh\nprintf 'Status: 500 Internal Server Error\\r\\n"
                        + "Content-Type: text/plain\\r\\n\\r\\nbroken\\n'\n");
                Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
                return TestImages.build(dir, tag);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A base in 35000-36999 (the canary tests' range) with {@code span} free ports. */
    static int portBase(String app, int span) {
        return DeployFixture.portBase(app, span, 35000, 36999);
    }

    /**
     * {@code replicas} replicas of {@code image}, canary with {@code steps} and the analysis thresholds given, judged
     * by synthetic requests to the canary's replicas (these tests' clients ask only {@code /version}, which a broken
     * canary answers well: real traffic would not show the break, see {@code RouterAnalysisEngineTest}).
     */
    static DeployRequest request(DockerHost host, String app, String image, int base, String steps,
            double minSuccessRatio, long maxP95Millis, int analysisRequests) {
        return request(host, app, image, base, steps, minSuccessRatio, maxP95Millis, analysisRequests,
                new CanaryAnalysis.Synthetic());
    }

    /** As above, judged by {@code analysis}. */
    static DeployRequest request(DockerHost host, String app, String image, int base, String steps,
            double minSuccessRatio, long maxP95Millis, int analysisRequests, CanaryAnalysis analysis) {
        CanaryPlan plan = CanaryPlan.defaults().withSteps(CanaryPlan.parseSteps(steps))
                .withAnalysis(minSuccessRatio, maxP95Millis, analysisRequests).withAnalysis(analysis);
        return new DeployRequest(host, app, DeployFixture.spec(image), 2, base,
                RolloutStrategy.canary(plan).withProgressDeadlineSeconds(30), DeployFixture.probe(), 10, null, null);
    }

    /** A rollout, and what the clients got during it. */
    record Sampled(RolloutRecord record, List<String> answers) {
    }

    /**
     * A private HAProxy in front of the app (frontend on {@code base + 4}), a deployer using it, and version 1
     * deployed: what every canary test starts from.
     */
    static final class Stage implements AutoCloseable {
        final Haproxy haproxy;
        final DockerDeployer deployer;
        final HaproxyRouter router;
        final DeployRequest v1;
        final List<Integer> stable;

        Stage(DockerHost host, String app, DeployRequest v1) throws Exception {
            this(host, app, v1, 0);
        }

        /** As above, with HAProxy's Prometheus exporter on {@code metricsPort} when above 0. */
        Stage(DockerHost host, String app, DeployRequest v1, int metricsPort) throws Exception {
            this.haproxy = metricsPort > 0 ? Haproxy.startWithMetrics(app, v1.portBase() + 4, 8, metricsPort)
                    : Haproxy.start(app, v1.portBase() + 4, 8);
            this.router = new HaproxyRouter(haproxy.adminSocket(), haproxy.frontendPort());
            this.deployer = new DockerDeployer(host, router);
            this.v1 = v1;
            DeployFixture.deployFirst(deployer, v1, this);
            this.stable = router.routed(app);
        }

        /** Deploys {@code image} as the next revision, printing its progress. */
        RolloutRecord deploy(String image, ProgressSink sink) throws InterruptedException {
            return deployer.deploy(v1.withSpec(DeployFixture.spec(image)), sink);
        }

        /** Deploys {@code image} while clients send {@code GET /version} to the frontend; every answer kept in order. */
        Sampled deployWithClients(String image) throws InterruptedException {
            try (FrontendSampler clients = new FrontendSampler(haproxy.frontendPort())) {
                RolloutRecord record = deploy(image, System.out::println);
                Thread.sleep(300); // a few answers after the end of the rollout
                return new Sampled(record, clients.answers());
            }
        }

        @Override
        public void close() throws InterruptedException {
            deployer.close();
            haproxy.close();
        }
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
