package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.targets.Target;
import io.jenkins.plugins.containerrollout.core.verify.MetricsCheck;
import java.util.List;
import org.junit.Test;

/**
 * {@code metrics(...)} in {@code containerVerify}: the step's arguments become the core's {@link MetricsCheck}, the
 * application's revision fills {@code {{revision}}}, it runs on a swarm (it only talks to Prometheus), and bad
 * arguments fail the step naming the parameter before the engine is asked anything. With a fake core.
 */
public class MetricsVerifyCheckTest extends FakeCoreHarness {
    private static final String QUERY = "sum(rate(http_requests_total{app=\"{{app}}\",revision=\"{{revision}}\","
            + "code=~\"5..\"}[{{window}}]))";

    private static MetricsVerifyCheck metrics(String query) {
        MetricsVerifyCheck check = new MetricsVerifyCheck("http://127.0.0.1:9090", query);
        check.setMaxValue(0.05);
        return check;
    }

    @Test
    public void theArgumentsBecomeTheCoreCheckWithTheAppsRevision() throws Exception {
        MetricsVerifyCheck check = metrics(QUERY);
        check.setName("errors");
        check.setMinValue(0.0);
        check.setWindowSeconds(30);
        check.setAllowNoData(true);
        check.setTimeoutSeconds(2.5);

        RolloutStepRunner.verify(harness, new ContainerVerifyStep("web", List.of(check)), core);

        // the fake core's app is at revision 3 (FakeRolloutCore)
        assertEquals(List.of(new MetricsCheck("errors", "http://127.0.0.1:9090", QUERY, 0.0, 0.05, 30, true, 2500, 3)),
                core.verified.checks());
        assertEquals("web", core.verified.name());
    }

    @Test
    public void onASwarmTheQueryRunsToo() throws Exception {
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(metrics("vector(0)")));
        step.setTarget(new SwarmTarget());

        RolloutStepRunner.verify(harness, step, core);

        assertEquals(List.of(Target.SWARM), core.targets);
        assertEquals("metrics", core.verified.checks().get(0).type());
    }

    @Test
    public void aCheckWithoutBoundsFailsTheStepNamingTheParameter() {
        MetricsVerifyCheck check = new MetricsVerifyCheck("http://127.0.0.1:9090", "vector(0)");

        AbortException e = assertThrows(AbortException.class,
                () -> RolloutStepRunner.verify(harness, new ContainerVerifyStep("web", List.of(check)), core));

        assertEquals("containerVerify: metrics check 'metrics': give maxValue (e.g. an error ratio's ceiling, 0.05) or "
                + "minValue (e.g. a success ratio's floor, 0.99), or both", e.getMessage());
        assertNull(core.verified);
    }

    /** Bounds are {@code Double}s, null when left out: structs binds a Groovy integer or decimal literal to them. */
    @Test
    public void integerAndDecimalBoundsBindInAScript() throws Exception {
        SnippetChecker checker = new SnippetChecker(StructsBinding.ours());

        assertEquals(List.of(), checker.check("case", "node { containerVerify(app: 'web', checks: [metrics(url: "
                + "'http://127.0.0.1:9090', query: 'up', minValue: 1, maxValue: 1.5, windowSeconds: 10, allowNoData: true)]) }"));
        assertEquals(1, checker.check("case", "node { containerVerify(app: 'web', checks: [metrics(url: "
                + "'http://127.0.0.1:9090', query: 'up', maxValue: true)]) }").size());
    }

    @Test
    public void theFormRefusesAWindowPlaceholderWithoutAWindowAFloorAboveTheCeilingAndAFarPrometheus() {
        assertEquals("metrics check 'metrics': the query uses {{window}} but windowSeconds is 0; give windowSeconds "
                + "(e.g. 30) or write the range yourself, e.g. [1m]", RolloutForms.problem(
                () -> MetricsVerifyCheck.DescriptorImpl.sample("http://127.0.0.1:9090", QUERY, 0)));
        assertNull(RolloutForms.problem(() -> MetricsVerifyCheck.DescriptorImpl.sample("http://127.0.0.1:9090", QUERY, 30)));
        assertEquals("metrics check 'metrics': minValue 0.9 is above maxValue 0.1; no value could pass",
                RolloutForms.problem(() -> MetricsVerifyCheck.DescriptorImpl.bounds("0.9", "0.1")));
        assertEquals("maxValue: 'x' is not a number", RolloutForms.problem(() -> MetricsVerifyCheck.DescriptorImpl.bounds("", "x")));
        assertEquals("checks[0] (metrics 'metrics').url 'http://10.0.0.1:9090' points at 10.0.0.1, which is neither "
                + "loopback nor an allowed host; use 127.0.0.1 or add the host to allowedHosts", RolloutForms.problem(
                () -> VerifyRequests.probe(MetricsVerifyCheck.DescriptorImpl.sample("http://10.0.0.1:9090", "up", 0))));
    }
}
