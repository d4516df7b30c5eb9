package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

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
        RolloutStrategy started = RolloutStrategy.rolling("2", "0");
        assertEquals(RolloutStrategy.Replacement.STOP_STARTED, started.replacement());
        assertEquals(false, started.waitsForStops(10));
        assertEquals("10 replicas + 2 surge + 2 still stopping", 14, started.ports(10));
        RolloutStrategy complete = started.withReplacement(RolloutStrategy.Replacement.STOP_COMPLETE);
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
        assertEquals(RolloutStrategy.Replacement.STOP_COMPLETE, RolloutStrategy.Replacement.parse("stopComplete"));
        assertEquals(RolloutStrategy.Replacement.STOP_STARTED, RolloutStrategy.Replacement.parse(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RolloutStrategy.Replacement.parse("eventually"));
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
        assertEquals(RolloutStrategy.Kind.RECREATE, RolloutStrategy.named("Recreate").kind());
        assertEquals(RolloutStrategy.Kind.ROLLING, RolloutStrategy.named("rolling").kind());
        assertEquals(RolloutStrategy.Kind.BLUE_GREEN, RolloutStrategy.named("blueGreen").kind());
        assertEquals("strategy: unknown 'bogus'; use 'rolling', 'recreate', 'blueGreen' or 'canary'",
                assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.named("bogus")).getMessage());
        assertEquals(RolloutStrategy.Kind.CANARY, RolloutStrategy.named("canary").kind());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RolloutStrategy.named("canary-ish"))
                .getMessage().startsWith("strategy: unknown 'canary-ish'"));
    }
}
