package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.CanaryPlan;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutGates;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** {@code containerDeploy}'s arguments, their defaults and their one mapping to the core request. */
public class ContainerDeployStepTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);

    private static ContainerDeployStep step() {
        return new ContainerDeployStep("web", "127.0.0.1:5000/web:7", 21000);
    }

    private static String refusal(ContainerDeployStep step) {
        return assertThrows(IllegalArgumentException.class, () -> step.toRequest(HOST, null, null)).getMessage();
    }

    @Test
    public void defaultsAreOneReplicaRollingWithTheCoresProbeAndHistory() {
        DeployRequest request = step().toRequest(HOST, null, null);
        assertEquals(new DeployRequest(HOST, "web", ReplicaSpec.of("127.0.0.1:5000/web:7"), 1, 21000,
                RolloutStrategy.rolling("25%", "25%"), ProbeSettings.defaults(), 10, null, null), request);
    }

    @Test
    public void mapsEveryArgumentIntoTheRequest() {
        ContainerDeployStep step = step();
        step.setReplicas(4);
        RollingStrategy rolling = new RollingStrategy();
        rolling.setMaxSurge("1");
        rolling.setMaxUnavailable("0");
        rolling.setBatchDelaySeconds(2);
        rolling.setReplacement("stopComplete");
        step.setStrategy(rolling);
        step.setHealthPath("/health");
        step.setProbeIntervalMillis(200);
        step.setProbeTimeoutMillis(500);
        step.setSuccessThreshold(2);
        step.setFailureThreshold(4);
        step.setStartupTimeoutSeconds(30);
        step.setMinReadySeconds(3);
        step.setProgressDeadlineSeconds(120);
        step.setFailureRatio(0.25);
        step.setAutoRollback(false);
        step.setEnv(Map.of("MODE", "prod"));
        step.setEntrypoint(List.of("/bin/sh", "-c"));
        step.setCommand(List.of("exec httpd -f"));
        step.setMemory("256m");
        step.setCpus("0.5");
        step.setRestartPolicy("on-failure:3");
        step.setLabels(Map.of("team", "shop"));
        step.setVolumes(List.of("/srv/data:/data:ro"));
        step.setNetworkMode("shop-net");
        step.setContainerPort(8080);
        step.setStopTimeoutSeconds(5);
        step.setRevisionHistoryLimit(3);

        DeployRequest request = step.toRequest(HOST, "http://jenkins/job/shop/7/", "abc123");

        ReplicaSpec spec = new ReplicaSpec("127.0.0.1:5000/web:7", Map.of("MODE", "prod"), List.of("/bin/sh", "-c"),
                List.of("exec httpd -f"), 256L << 20, 500_000_000L, "on-failure:3", Map.of("team", "shop"),
                List.of("/srv/data:/data:ro"), "shop-net", 8080, 5);
        RolloutStrategy strategy = RolloutStrategy.rolling("1", "0").withBatchDelay(Duration.ofSeconds(2))
                .withReplacement(Replacement.STOP_COMPLETE)
                .withGates(new RolloutGates(3, 120, 0.25, false));
        ProbeSettings probe = new ProbeSettings("/health", Duration.ofMillis(200), Duration.ofMillis(500), 2, 4,
                Duration.ofSeconds(30));
        assertEquals(new DeployRequest(HOST, "web", spec, 4, 21000, strategy, probe, 3, "http://jenkins/job/shop/7/", "abc123"),
                request);
    }

    @Test
    public void recreateMapsToTheCoresRecreate() {
        ContainerDeployStep step = step();
        step.setStrategy(new RecreateStrategy());
        assertEquals(RolloutStrategy.recreate(), step.toRequest(HOST, null, null).strategy());
    }

    @Test
    public void blueGreenKeepsTheOldColourForTheGivenDelay() {
        ContainerDeployStep step = step();
        BlueGreenStrategy blueGreen = new BlueGreenStrategy();
        blueGreen.setScaleDownDelaySeconds(5);
        step.setStrategy(blueGreen);
        step.setRouter(new HaproxyRouting());
        assertEquals(RolloutStrategy.blueGreen().withScaleDownDelaySeconds(5), step.toRequest(HOST, null, null).strategy());
    }

    @Test
    public void blueGreenDefaultsToThirtySecondsOfOldColour() {
        assertEquals(30, ((RolloutStrategy.BlueGreen) new BlueGreenStrategy().toStrategy()).scaleDownDelaySeconds());
    }

    @Test
    public void blueGreenWithoutARouterSaysWhichRouterToAdd() {
        ContainerDeployStep step = step();
        step.setStrategy(new BlueGreenStrategy());
        assertTrue(refusal(step), refusal(step).startsWith("router: blueGreen switches traffic")
                && refusal(step).contains("haproxy(socket: '/run/haproxy/admin.sock')"));
    }

    @Test
    public void aMalformedMaxSurgeGetsTheCoresMessage() {
        ContainerDeployStep step = step();
        RollingStrategy rolling = new RollingStrategy();
        rolling.setMaxSurge("lots");
        step.setStrategy(rolling);
        assertEquals("maxSurge: 'lots' is not a count or a percentage; use e.g. '1' or '25%'", refusal(step));
    }

    @Test
    public void anUnknownReplacementPolicyNamesTheTwoThatExist() {
        ContainerDeployStep step = step();
        RollingStrategy rolling = new RollingStrategy();
        rolling.setReplacement("later");
        step.setStrategy(rolling);
        assertTrue(refusal(step), refusal(step).startsWith("replacement: unknown 'later'; use 'stopStarted'"));
    }

    @Test
    public void maxSurgeAndMaxUnavailableBothZeroIsRefused() {
        ContainerDeployStep step = step();
        RollingStrategy rolling = new RollingStrategy();
        rolling.setMaxSurge("0");
        rolling.setMaxUnavailable("0%");
        step.setStrategy(rolling);
        assertTrue(refusal(step), refusal(step).startsWith("maxSurge/maxUnavailable: both are 0"));
    }

    private static ContainerDeployStep canary(CanaryStrategy canary, TrafficRouting router) {
        ContainerDeployStep step = step();
        step.setStrategy(canary);
        step.setRouter(router);
        return step;
    }

    private static HaproxyRouting haproxyWithFrontend(int port) {
        HaproxyRouting haproxy = new HaproxyRouting();
        haproxy.setFrontendPort(port);
        return haproxy;
    }

    private static CanaryStrategy canarySteps(int... weights) {
        List<CanaryWeightStep> steps = new java.util.ArrayList<>();
        for (int w : weights) {
            CanaryWeightStep s = new CanaryWeightStep(w);
            s.setPause(30);
            steps.add(s);
        }
        CanaryStrategy canary = new CanaryStrategy();
        canary.setSteps(steps);
        return canary;
    }

    @Test
    public void canaryMapsStepsAndAnalysisToTheCoresPlan() {
        CanaryStrategy canary = canarySteps(10, 50);
        canary.setAnalysisPath("/cgi-bin/health");
        canary.setMinSuccessRatio(0.95);
        canary.setMaxP95Millis(300);
        canary.setAnalysisRequests(40);
        canary.setFailureLimit(2);
        RolloutStrategy strategy = canary(canary, haproxyWithFrontend(8080)).toRequest(HOST, null, null).strategy();
        assertEquals(RolloutStrategy.canary(new CanaryPlan(List.of(new io.jenkins.plugins.containerrollout.core.deploy.CanaryStep(10, 30),
                new io.jenkins.plugins.containerrollout.core.deploy.CanaryStep(50, 30)), "/cgi-bin/health", 0.95, 300, 40, 2)), strategy);
    }

    @Test
    public void canaryWithoutSettingsTakesTheCoresDefaultPlan() {
        assertEquals(RolloutStrategy.canary(CanaryPlan.defaults()),
                canary(new CanaryStrategy(), haproxyWithFrontend(8080)).toRequest(HOST, null, null).strategy());
    }

    @Test
    public void canaryNeedsARouterButNoFrontendPort() {
        String problem = refusal(canary(new CanaryStrategy(), new DirectRouting()));
        assertTrue(problem, problem.startsWith("router: canary splits traffic by weight, so it needs a router"));
        assertTrue(canary(new CanaryStrategy(), new HaproxyRouting()).toRequest(HOST, null, null).strategy()
                instanceof RolloutStrategy.Canary);
    }

    @Test
    public void canaryWeightsMustGrowAsTheCoreSays() {
        assertEquals("steps: weights must increase step by step (got 50 then 20)",
                refusal(canary(canarySteps(50, 20), haproxyWithFrontend(8080))));
    }

    @Test
    public void aCanaryWeightAboveAHundredGetsTheCoresMessage() {
        assertTrue(refusal(canary(canarySteps(150), haproxyWithFrontend(8080))).startsWith("steps: weight 150 is out of range"));
    }

    @Test
    public void theHaproxyFrontendPortReachesTheRouter() {
        assertEquals(java.util.Optional.of(java.net.URI.create("http://127.0.0.1:8080")), haproxyWithFrontend(8080).open("web").frontend("web"));
    }

    @Test
    public void aMissingAppIsNamed() {
        assertEquals("app: required; name the application, e.g. app: 'web'",
                refusal(new ContainerDeployStep(" ", "web:7", 21000)));
    }

    @Test
    public void anUpperCaseAppIsRefusedWithTheNamingRule() {
        assertTrue(refusal(new ContainerDeployStep("Web", "web:7", 21000)).startsWith("app: 'Web' is not a valid application name"));
    }

    @Test
    public void aMissingImageIsNamed() {
        assertTrue(refusal(new ContainerDeployStep("web", null, 21000)).startsWith("image: required"));
    }

    @Test
    public void aMissingPortBaseIsRefusedWithTheUsableRange() {
        assertTrue(refusal(new ContainerDeployStep("web", "web:7", 0)).startsWith("portBase: 0 leaves no room"));
    }

    @Test
    public void zeroReplicasIsRefused() {
        ContainerDeployStep step = step();
        step.setReplicas(0);
        assertEquals("replicas: 0 is out of range; use 1 to 200", refusal(step));
    }

    @Test
    public void aHealthPathWithoutSlashIsRefused() {
        ContainerDeployStep step = step();
        step.setHealthPath("health");
        assertEquals("healthPath: 'health' must start with '/', e.g. '/health'", refusal(step));
    }

    @Test
    public void aNonPositiveProgressDeadlineIsRefused() {
        ContainerDeployStep step = step();
        step.setProgressDeadlineSeconds(0);
        assertTrue(refusal(step).startsWith("progressDeadlineSeconds: must be at least 1"));
    }

    @Test
    public void blankOptionalArgumentsCountAsNotGiven() {
        ContainerDeployStep step = step();
        step.setMemory(" ");
        step.setCpus("");
        step.setRestartPolicy(" ");
        step.setNetworkMode("");
        step.setHealthPath(" ");
        step.setDockerHost(" ");
        step.setRegistryCredentialsId("");
        ReplicaSpec spec = step.toRequest(HOST, null, null).spec();
        assertEquals(ReplicaSpec.of("127.0.0.1:5000/web:7"), spec);
        assertEquals("/", step.getHealthPath());
        assertNull(step.getDockerHost());
        assertNull(step.getRegistryCredentialsId());
    }

    @Test
    public void formTextAreasGiveOneCommandArgumentPerLine() {
        ContainerDeployStep step = step();
        step.setCommand(List.of("httpd\n-f\n\n-p\n127.0.0.1:8080\n"));
        assertEquals(List.of("httpd", "-f", "-p", "127.0.0.1:8080"), step.toRequest(HOST, null, null).spec().command());
    }

    @Test
    public void scriptMapValuesKeepTheirText() {
        ContainerDeployStep step = step();
        step.setEnv(raw("WORKERS", 4));
        assertEquals(Map.of("WORKERS", "4"), step.toRequest(HOST, null, null).spec().env());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> raw(String key, Object value) {
        // A Groovy map literal can carry non-String values into a Map<String, String> parameter.
        Map map = new java.util.LinkedHashMap();
        map.put(key, value);
        return map;
    }
}
