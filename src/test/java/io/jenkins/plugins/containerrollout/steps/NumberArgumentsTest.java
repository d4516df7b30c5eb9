package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

/**
 * Counts and percentages are written as Kubernetes users write them: {@code rolling(maxSurge: 1, maxUnavailable: 0)},
 * {@code '25%'}, {@code cpus: 0.5}. structs would refuse a number for a {@code String} parameter
 * ({@code DescribableModel.coerce}, see {@link StructsBinding}), so these parameters are declared {@code Object} and
 * turned into text with a message naming the parameter when the value is neither.
 */
public class NumberArgumentsTest {
    private static final DockerHost HOST = new DockerHost("tcp://127.0.0.1:2375", false, null);

    @Test
    public void numbersBindToCountsAndCpusAsStructsPassesThem() throws Exception {
        SnippetChecker checker = new SnippetChecker(StructsBinding.ours());
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000, "
                + "cpus: 0.5, strategy: rolling(maxSurge: 1, maxUnavailable: 0))"));
        assertEquals(List.of(), checker.check("case", "strategy: rolling(maxSurge: '25%', maxUnavailable: '0')"));
    }

    @Test
    public void aNumberAndItsTextGiveTheSameStrategy() {
        RollingStrategy numbers = new RollingStrategy();
        numbers.setMaxSurge(1);
        numbers.setMaxUnavailable(new BigDecimal("0"));
        RollingStrategy texts = new RollingStrategy();
        texts.setMaxSurge("1");
        texts.setMaxUnavailable(" 0 ");
        assertEquals(RolloutStrategy.rolling("1", "0"), numbers.toStrategy());
        assertEquals(numbers.toStrategy(), texts.toStrategy());
        assertEquals("1", numbers.getMaxSurge());
        RollingStrategy percent = new RollingStrategy();
        percent.setMaxSurge("25%");
        percent.setMaxUnavailable(null);
        assertEquals(RolloutStrategy.rolling("25%", "25%"), percent.toStrategy());
    }

    @Test
    public void aFractionOrANonNumberIsRefusedNamingTheParameter() {
        RollingStrategy fraction = new RollingStrategy();
        fraction.setMaxSurge(1.5);
        String message = assertThrows(IllegalArgumentException.class, fraction::toStrategy).getMessage();
        assertTrue(message, message.startsWith("maxSurge:") && message.contains("1.5"));
        message = assertThrows(IllegalArgumentException.class, () -> new RollingStrategy().setMaxUnavailable(true)).getMessage();
        assertEquals("maxUnavailable: expects a number or a string, e.g. 1 or '25%', not true", message);
        message = assertThrows(IllegalArgumentException.class, () -> new RollingStrategy().setMaxSurge(List.of(1))).getMessage();
        assertTrue(message, message.endsWith("not a list"));
    }

    @Test
    public void aBuildsVersionTakesTheBuildNumber() throws Exception {
        assertEquals(List.of(), new SnippetChecker(StructsBinding.ours()).check("case",
                "containerBuild(tags: ['app:1'], version: 42)"));
        ContainerBuildStep step = new ContainerBuildStep(List.of("app:1"));
        step.setVersion(42);
        assertEquals("42", step.getVersion());
        step.setVersion(new BigDecimal("1.10"));
        assertEquals("1.10", step.getVersion());
    }

    @Test
    public void cpusTakeANumber() {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:7", 21000);
        step.setCpus(0.5);
        assertEquals("0.5", step.getCpus());
        assertEquals(500_000_000L, step.toRequest(HOST, null, null).spec().nanoCpus());
        step.setCpus(2);
        assertEquals(2_000_000_000L, step.toRequest(HOST, null, null).spec().nanoCpus());
    }
}
