package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.router.HaproxyRouter;
import io.jenkins.plugins.containerrollout.testing.Haproxy;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pause tests share: a private HAProxy without retries (a request that reaches a replica going away fails
 * the client) with a preview frontend, a deployer behind it, and version 1 deployed; and the answers clients got in
 * a window of time.
 */
final class PauseFixture implements AutoCloseable {
    final Haproxy haproxy;
    final HaproxyRouter router;
    final DockerDeployer deployer;
    final DeployRequest v1;
    final int frontendPort;
    final int previewPort;

    /** Ports: replicas from {@code v1.portBase()}, the frontend 4 above, the preview 5 above (2 replicas, 2 colours). */
    PauseFixture(DockerHost host, String app, DeployRequest v1) throws Exception {
        this.frontendPort = v1.portBase() + 4;
        this.previewPort = v1.portBase() + 5;
        this.haproxy = Haproxy.startWithPreview(app, frontendPort, 8, previewPort);
        this.router = new HaproxyRouter(haproxy.adminSocket(), frontendPort, null, previewPort);
        this.deployer = new DockerDeployer(host, router);
        this.v1 = v1;
        DeployFixture.deployFirst(deployer, v1, this);
    }

    /** Deploys version {@code version} of the healthy test image with {@code v1}'s settings. */
    RolloutRecord deploy(String version) throws InterruptedException {
        return deployer.deploy(v1.withSpec(DeployFixture.spec(DeployFixture.image(version, true))), System.out::println);
    }

    /** The answers {@code load} got during the next {@code millis}, by kind ({@code version 2}, failures). */
    static Map<String, Integer> during(LoadClients load, long millis) throws InterruptedException {
        Map<String, Integer> before = load.answers();
        Thread.sleep(millis);
        Map<String, Integer> after = new TreeMap<>(load.answers());
        before.forEach((k, v) -> after.merge(k, -v, Integer::sum));
        after.values().removeIf(v -> v == 0);
        return after;
    }

    /** Percent of the answers that came from {@code version}. */
    static double share(Map<String, Integer> answers, String version) {
        int all = answers.values().stream().mapToInt(Integer::intValue).sum();
        return all == 0 ? 0 : 100.0 * answers.getOrDefault("version " + version, 0) / all;
    }

    /** Every client request so far was answered 200, else the first failures. */
    static void assertNoneFailed(LoadClients load) {
        assertEquals("failed requests: " + load.firstFailures() + " of " + load.answers(), 0, load.failed());
    }

    @Override
    public void close() throws InterruptedException {
        deployer.close();
        haproxy.close();
    }
}
