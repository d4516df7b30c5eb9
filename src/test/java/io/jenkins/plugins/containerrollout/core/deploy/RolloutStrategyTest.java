package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.RequestException;
import org.junit.Test;

/** Kubernetes' rounding of maxSurge / maxUnavailable, and the errors for settings that cannot work. */
public class RolloutStrategyTest {
    @Test
    public void percentagesRoundSurgeUpAndUnavailableDown() {
        RolloutStrategy s = RolloutStrategy.rolling("25%", "25%");
        assertEquals(1, s.surge(1));
        assertEquals(0, s.unavailable(3)); // 0.75 -> 0 (surge is 1, so the rollout still progresses)
        assertEquals(2, s.surge(5));       // 1.25 -> 2
        assertEquals(1, s.unavailable(5)); // 1.25 -> 1
        assertEquals(3, s.surge(10));      // 2.5 -> 3
        assertEquals(2, s.unavailable(10)); // 2.5 -> 2
    }

    @Test
    public void whenBothRoundToZeroOneReplicaMayBeUnavailableAsInKubernetes() {
        RolloutStrategy s = RolloutStrategy.rolling("0%", "10%");
        assertEquals(0, s.surge(4));
        assertEquals(1, s.unavailable(4));
    }

    @Test
    public void countsAreTakenAsIsAndUnavailableIsCappedAtDesired() {
        RolloutStrategy s = RolloutStrategy.rolling("2", "9");
        assertEquals(2, s.surge(4));
        assertEquals(4, s.unavailable(4));
    }

    @Test
    public void stopStartedRollingKeepsRoomForAsManyStoppingReplicasAsItSurges() {
        RolloutStrategy.Rolling started = RolloutStrategy.rolling("2", "0");
        assertEquals(Replacement.STOP_STARTED, started.replacement());
        assertEquals(false, started.waitsForStops(10));
        assertEquals("10 replicas + 2 surge + 2 still stopping", 14, started.ports(10));
        RolloutStrategy complete = started.withReplacement(Replacement.STOP_COMPLETE);
        assertEquals(true, complete.waitsForStops(10));
        assertEquals(12, complete.ports(10));
        assertEquals("stopComplete", complete.describe(10).get("replacement"));
        assertEquals("recreate stops everything first, whatever the policy", true,
                RolloutStrategy.recreate().waitsForStops(10));
        RolloutStrategy noSurge = RolloutStrategy.rolling("0", "1");
        assertEquals("maxSurge 0 takes down first: no surge for a stopping replica to run in", true,
                noSurge.waitsForStops(10));
        assertEquals(10, noSurge.ports(10));
        assertEquals("a percentage that rounds up to a surge of 1", false, RolloutStrategy.rolling("5%", "1").waitsForStops(10));
        assertEquals("blue-green: both colours", 8, RolloutStrategy.blueGreen().ports(4));
    }

    @Test
    public void replacementPolicyIsParsedByItsNameAndAnUnknownOneIsRefusedWithTheChoices() {
        assertEquals(Replacement.STOP_COMPLETE, Replacement.parse("stopComplete"));
        assertEquals(Replacement.STOP_STARTED, Replacement.parse(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Replacement.parse("eventually"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("replacement: unknown 'eventually'; use 'stopStarted'"));
    }

    @Test
    public void recreateNeverSurgesAndMayTakeEverythingDown() {
        assertEquals(0, RolloutStrategy.recreate().surge(4));
        assertEquals(4, RolloutStrategy.recreate().unavailable(4));
    }

    @Test
    public void blueGreenSurgesAWholeColourAndNeverGoesBelowDesired() {
        assertEquals(4, RolloutStrategy.blueGreen().surge(4));
        assertEquals(0, RolloutStrategy.blueGreen().unavailable(4));
    }

    @Test
    public void eachStrategyRecordsOnlyItsOwnSettingsAsAPersonWritesThem() {
        var rolling = RolloutStrategy.rolling("25%", "1").withBatchDelay(java.time.Duration.ofMillis(1500)).describe(4);
        assertEquals("25% (1)", rolling.get("maxSurge"));
        assertEquals("1", rolling.get("maxUnavailable"));
        assertEquals("1.5", rolling.get("batchDelaySeconds"));
        assertEquals("600", rolling.get("progressDeadlineSeconds"));
        var blueGreen = RolloutStrategy.blueGreen().withScaleDownDelaySeconds(5).describe(4);
        assertEquals("5", blueGreen.get("scaleDownDelaySeconds"));
        assertTrue(blueGreen.toString(), !blueGreen.containsKey("maxSurge") && !blueGreen.containsKey("batchDelaySeconds"));
        assertTrue(RolloutStrategy.recreate().describe(4).keySet().toString(),
                RolloutStrategy.recreate().describe(4).keySet().stream().noneMatch(k -> k.startsWith("max")));
    }

    @Test
    public void sharedGatesKeepTheStrategysOwnSettings() {
        RolloutStrategy s = RolloutStrategy.blueGreen().withScaleDownDelaySeconds(7).withProgressDeadlineSeconds(60)
                .withAutoRollback(false);
        assertEquals(7, ((RolloutStrategy.BlueGreen) s).scaleDownDelaySeconds());
        assertEquals(new RolloutGates(0, 60, 0.0, false), s.gates());
        assertTrue(assertThrows(RequestException.class, () -> s.withProgressDeadlineSeconds(0)).getMessage()
                .startsWith("progressDeadlineSeconds: must be at least 1"));
    }

    @Test
    public void literalZeroSurgeAndZeroUnavailableIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.rolling("0", "0"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("maxSurge/maxUnavailable: both are 0"));
    }

    @Test
    public void malformedAmountsNameTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.rolling("one", "0"))
                .getMessage().startsWith("maxSurge: 'one' is not a count or a percentage"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.rolling("1", "150%"))
                .getMessage().startsWith("maxUnavailable: '150%' is out of range"));
    }

    @Test
    public void strategyNamesAreParsedWithAHelpfulError() {
        assertTrue(RolloutStrategy.named("Recreate") instanceof RolloutStrategy.Recreate);
        assertTrue(RolloutStrategy.named("rolling") instanceof RolloutStrategy.Rolling);
        assertTrue(RolloutStrategy.named("blueGreen") instanceof RolloutStrategy.BlueGreen);
        assertEquals("blueGreen", RolloutStrategy.named("blue-green").name());
        assertEquals("strategy: unknown 'bogus'; use 'rolling', 'recreate', 'blueGreen' or 'canary'",
                assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.named("bogus")).getMessage());
        assertTrue(RolloutStrategy.named("canary") instanceof RolloutStrategy.Canary);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.named("canary-ish"))
                .getMessage().startsWith("strategy: unknown 'canary-ish'"));
    }
}
