package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.testing.Loopback;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the rollout steps' engine tests share: a block of free loopback ports in their range (33000-33999), the
 * version a port serves, and removal of everything an application left in the engine.
 *
 * <p>Usage: {@code int base = StepTestBed.freePorts(2); ... StepTestBed.removeApp(app, app + ":1.0");}
 */
final class StepTestBed {
    private StepTestBed() {
    }

    /** A base in 33000-33999 with {@code span} free loopback ports. */
    static int freePorts(int span) throws IOException {
        return Loopback.freeBase(Long.toString(ThreadLocalRandom.current().nextLong()), 33000, 33999, span);
    }

    /** What {@code GET /version} answers on the first of {@code ports} that answers 200, or null. */
    static String version(int... ports) throws InterruptedException {
        for (int port : ports) {
            String version = Loopback.version(port);
            if (version != null) {
                return version;
            }
        }
        return null;
    }

    /**
     * The version {@code app} serves, read on the ports its status says serve (every one must answer it): a replica a
     * deploy or rollback replaced may still answer on its own port for a moment after the step returned, as the step
     * returns once it is told to stop (README), so the first port that answers is not necessarily a serving one.
     */
    static String servedVersion(String app) throws Exception {
        List<Integer> ports = RolloutCore.ENGINE.status(Target.DOCKER, TestBed.host(), app).servingPorts();
        if (ports.isEmpty()) {
            throw new AssertionError(app + " serves on no port");
        }
        List<String> versions = new ArrayList<>();
        for (int port : ports) {
            versions.add(version(port));
        }
        if (versions.stream().distinct().count() != 1) {
            throw new AssertionError(app + " serves " + versions + " on " + ports);
        }
        return versions.get(0);
    }

    /** {@code containerDeploy} of {@code image} with probes and timeouts short enough for a test, no stop grace. */
    static ContainerDeployStep quickDeploy(String app, String image, int portBase) {
        ContainerDeployStep step = new ContainerDeployStep(app, image, portBase);
        step.setHealthPath("/cgi-bin/health");
        step.setProbeIntervalMillis(200);
        step.setProbeTimeoutMillis(2000);
        step.setStartupTimeoutSeconds(20);
        step.setStopTimeoutSeconds(0);
        return step;
    }

    /** Removes every container of {@code app} (replicas, records, lock) and the given images. */
    static void removeApp(String app, String... images) {
        TestBed.removeApp(app);
        for (String image : images) {
            TestBed.dockerResult("rmi", "-f", image);
        }
    }

    /** Versions 1.0 and 2.0 of the test app, tagged {@code <app>:1.0} and {@code <app>:2.0} (the routed step tests). */
    static void twoVersions(org.junit.rules.TemporaryFolder tmp, String app) throws IOException {
        for (String v : new String[] {"1.0", "2.0"}) {
            io.jenkins.plugins.containerrollout.testing.TestImages.app(tmp.newFolder("v" + v).toPath(), app + ":" + v, v,
                    true);
        }
    }

    /** Stops the test's HAProxy (when it started) and removes the app and its two versions. */
    static void removeRouted(io.jenkins.plugins.containerrollout.testing.Haproxy haproxy, String app)
            throws InterruptedException {
        if (haproxy != null) {
            haproxy.close();
        }
        removeApp(app, app + ":1.0", app + ":2.0");
    }
}
