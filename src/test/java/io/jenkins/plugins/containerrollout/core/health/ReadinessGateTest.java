package io.jenkins.plugins.containerrollout.core.health;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.health.ReadinessGate.Verdict;
import java.time.Duration;
import org.junit.Test;

/** Thresholds, the startup bound and minReadySeconds, with the clock in hand. */
public class ReadinessGateTest {
    private final ProbeSettings settings = new ProbeSettings("/health", Duration.ofMillis(200), Duration.ofSeconds(1),
            2, 3, Duration.ofSeconds(5));

    @Test
    public void becomesAvailableAfterSuccessThresholdAndMinReady() {
        ReadinessGate gate = new ReadinessGate(settings, 1000, 0);
        assertEquals(Verdict.PENDING, gate.observe(ProbeResult.ready("200"), 100));
        assertEquals("ready at 300, but not yet for 1 s", Verdict.PENDING, gate.observe(ProbeResult.ready("200"), 300));
        assertEquals(Verdict.PENDING, gate.observe(ProbeResult.ready("200"), 1200));
        assertEquals(Verdict.AVAILABLE, gate.observe(ProbeResult.ready("200"), 1300));
    }

    @Test
    public void aFailureDuringMinReadyRestartsTheWindow() {
        ReadinessGate gate = new ReadinessGate(settings, 1000, 0);
        gate.observe(ProbeResult.ready("200"), 0);
        gate.observe(ProbeResult.ready("200"), 200);
        gate.observe(ProbeResult.notReady("500"), 400);
        gate.observe(ProbeResult.ready("200"), 600);
        gate.observe(ProbeResult.ready("200"), 800);
        assertEquals(Verdict.PENDING, gate.observe(ProbeResult.ready("200"), 1700));
        assertEquals(Verdict.AVAILABLE, gate.observe(ProbeResult.ready("200"), 1800));
    }

    @Test
    public void failsAfterFailureThresholdConsecutiveBadAnswers() {
        ReadinessGate gate = new ReadinessGate(settings, 0, 0);
        gate.observe(ProbeResult.notReady("500"), 0);
        gate.observe(ProbeResult.notReady("500"), 200);
        assertEquals(Verdict.FAILED, gate.observe(ProbeResult.notReady("503"), 400));
        assertEquals("3 failed probes, last: 503", gate.reason());
        assertEquals("final", Verdict.FAILED, gate.observe(ProbeResult.ready("200"), 600));
    }

    @Test
    public void refusedConnectionsWhileStartingCountOnlyAgainstTheStartupBound() {
        ReadinessGate gate = new ReadinessGate(settings, 0, 0);
        for (long t = 0; t <= 5000; t += 200) {
            assertEquals(Verdict.PENDING, gate.observe(ProbeResult.noAnswer("connection refused"), t));
        }
        assertEquals(Verdict.FAILED, gate.observe(ProbeResult.noAnswer("connection refused"), 5200));
    }

    @Test
    public void refusedConnectionsAfterAFirstAnswerCountAsFailures() {
        ReadinessGate gate = new ReadinessGate(settings, 0, 0);
        gate.observe(ProbeResult.notReady("500"), 0);
        gate.observe(ProbeResult.noAnswer("connection refused"), 200);
        assertEquals(Verdict.FAILED, gate.observe(ProbeResult.noAnswer("connection refused"), 400));
    }

    @Test
    public void invalidSettingsNameTheParameter() {
        IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> ProbeSettings.defaults().withPath("health"));
        assertEquals("healthPath: 'health' must start with '/', e.g. '/health'", e.getMessage());
    }
}
