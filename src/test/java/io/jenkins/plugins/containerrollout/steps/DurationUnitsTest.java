package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestCheck;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/**
 * One unit for every duration a user gives: seconds, named {@code …Seconds}, fractions allowed ({@code 0.5}), as
 * Kubernetes' {@code periodSeconds}. The names in milliseconds that were documented ({@code probeIntervalMillis},
 * {@code probeTimeoutMillis}, the checks' {@code timeoutMillis} and {@code intervalMillis}) still bind, in their unit,
 * through deprecated setters, and are never written by the Snippet Generator.
 */
public class DurationUnitsTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);

    @Test
    public void secondsWithFractionsBindAsStructsPassesThem() throws Exception {
        SnippetChecker checker = new SnippetChecker(StructsBinding.ours());
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000, "
                + "probeIntervalSeconds: 0.5, probeTimeoutSeconds: 2, strategy: rolling(batchDelaySeconds: 1.5))"));
        assertEquals(List.of(), checker.check("case", "containerVerify(app: 'web', checks: [http(url: '{endpoint}/', "
                + "timeoutSeconds: 0.5, intervalSeconds: 0.2), smokeTest(image: 'e2e:1', timeoutSeconds: 60)])"));
        // the names documented before still bind
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000, "
                + "probeIntervalMillis: 500, probeTimeoutMillis: 800)"));
    }

    @Test
    public void theDeployMapsSecondsToTheCoresDurations() {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:7", 21000);
        step.setProbeIntervalSeconds(0.5);
        step.setProbeTimeoutSeconds(2);
        RollingStrategy rolling = new RollingStrategy();
        rolling.setBatchDelaySeconds(1.5);
        step.setStrategy(rolling);
        DeployRequest request = step.toRequest(HOST, null, null);
        assertEquals(Duration.ofMillis(500), request.probe().interval());
        assertEquals(Duration.ofSeconds(2), request.probe().timeout());
        assertEquals(Duration.ofMillis(1500), ((RolloutStrategy.Rolling) request.strategy()).batchDelay());
    }

    @Test
    public void theOldMillisecondNamesKeepTheirUnit() {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:7", 21000);
        step.setProbeIntervalMillis(250);
        step.setProbeTimeoutMillis(1500);
        DeployRequest request = step.toRequest(HOST, null, null);
        assertEquals(Duration.ofMillis(250), request.probe().interval());
        assertEquals(Duration.ofMillis(1500), request.probe().timeout());
        assertEquals(0.25, step.getProbeIntervalSeconds(), 0);
        // null getters: structs' uninstantiate2 drops a value equal to the default instance's, so no snippet has them
        assertNull(step.getProbeIntervalMillis());

        HttpVerifyCheck old = new HttpVerifyCheck("{endpoint}/");
        old.setTimeoutMillis(500);
        old.setIntervalMillis(200);
        HttpVerifyCheck seconds = new HttpVerifyCheck("{endpoint}/");
        seconds.setTimeoutSeconds(0.5);
        seconds.setIntervalSeconds(0.2);
        HttpCheck check = (HttpCheck) seconds.toCheck("web", 1);
        assertEquals(500, check.timeoutMillis());
        assertEquals(200, check.intervalMillis());
        assertEquals(check, old.toCheck("web", 1));
        SmokeTestVerifyCheck smoke = new SmokeTestVerifyCheck("e2e:1");
        smoke.setTimeoutSeconds(60);
        assertEquals(60_000, ((SmokeTestCheck) smoke.toCheck("web", 1)).timeoutMillis());
    }

    @Test
    public void theOldNamesAreMarkedDeprecatedForThePipelineSyntaxReference() throws Exception {
        // DescribableParameter.isDeprecated: the @DataBoundSetter is @Deprecated
        assertTrue(RolloutStep.class.getMethod("setProbeIntervalMillis", int.class).isAnnotationPresent(Deprecated.class));
        assertTrue(RolloutStep.class.getMethod("setProbeTimeoutMillis", int.class).isAnnotationPresent(Deprecated.class));
        assertTrue(VerifyCheck.class.getMethod("setTimeoutMillis", long.class).isAnnotationPresent(Deprecated.class));
        assertTrue(HttpVerifyCheck.class.getMethod("setIntervalMillis", long.class).isAnnotationPresent(Deprecated.class));
    }

    @Test
    public void aNegativeDurationIsRefusedNamingTheParameter() {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:7", 21000);
        step.setProbeIntervalSeconds(-1);
        assertEquals("probeIntervalSeconds: -1.0 is not a duration; give seconds, 0 or more, e.g. 0.5",
                assertThrows(IllegalArgumentException.class, () -> step.toRequest(HOST, null, null)).getMessage());
        RollingStrategy rolling = new RollingStrategy();
        rolling.setBatchDelaySeconds(Double.NaN);
        assertTrue(assertThrows(IllegalArgumentException.class, rolling::toStrategy).getMessage()
                .startsWith("batchDelaySeconds: "));
    }
}
