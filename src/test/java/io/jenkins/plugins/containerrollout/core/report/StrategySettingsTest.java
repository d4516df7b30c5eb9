package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Recorded settings ({@code RolloutStrategy#describe}) shown with the DSL's names, units and order. */
public class StrategySettingsTest {
    @Test
    public void showsAmountsAsWrittenAndWhatAPercentageResolvedTo() {
        assertEquals(List.of("maxSurge 25 % (1 replica)", "maxUnavailable 0", "batchDelaySeconds 2.5",
                        "progressDeadlineSeconds 600", "autoRollback true"),
                StrategySettings.lines(Map.of("autoRollback", "true", "maxUnavailable", "0 = 0", "maxSurge", "25% = 1",
                        "batchDelayMillis", "2500", "progressDeadlineSeconds", "600")));
        assertEquals(List.of("maxSurge 50 % (3 replicas)"), StrategySettings.lines(Map.of("maxSurge", "50% = 3")));
    }

    @Test
    public void readsTheSettingsAsTheTypedStrategyRecordsThem() {
        var recorded = io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy.rolling("25%", "1")
                .withBatchDelay(java.time.Duration.ofMillis(2500)).describe(4);
        List<String> lines = StrategySettings.lines(recorded);
        assertEquals(lines.toString(), List.of("maxSurge 25 % (1 replica)", "maxUnavailable 1", "batchDelaySeconds 2.5"),
                lines.subList(0, 3));
    }

    @Test
    public void keepsUnknownSettingsAfterTheKnownOnes() {
        assertEquals(List.of("failureLimit 1", "swarmUpdateOrder start-first"),
                StrategySettings.lines(Map.of("swarmUpdateOrder", "start-first", "failureLimit", "1")));
    }

    @Test
    public void namesTheStrategyByItsDslSymbol() {
        assertEquals("blueGreen", StrategySettings.name("blue_green"));
        assertEquals("canary", StrategySettings.name("canary"));
        assertEquals("20 % for 30 s, 100 %", StrategySettings.steps("20:30,100"));
    }
}
