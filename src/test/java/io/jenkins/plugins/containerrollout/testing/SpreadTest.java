package io.jenkins.plugins.containerrollout.testing;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** What the benchmarks print about their runs: the spread, and when a difference is within noise. */
public class SpreadTest {
    @Test
    public void keepsTheFastestTheMiddleAndTheSlowestRun() {
        assertEquals(new Spread(90, 100, 130), Spread.of(List.of(130L, 90L, 100L)));
        assertEquals(new Spread(90, 105, 130), Spread.of(List.of(130L, 90L, 100L, 110L)));
        assertEquals("90 / 105 / 130 ms", Spread.of(List.of(130L, 90L, 100L, 110L)).cell());
    }

    @Test
    public void aDifferenceIsWithinNoiseWhenTheRangesOverlap() {
        Spread ours = new Spread(90, 100, 130);
        assertEquals("within noise", ours.against(new Spread(125, 140, 150)));
        assertEquals("faster", ours.against(new Spread(131, 140, 150)));
        assertEquals("slower", new Spread(131, 140, 150).against(ours));
        assertEquals(new Spread(450, 500, 650), ours.times(5));
    }

    @Test
    public void comparesEachRunWithItsOwnFloor() {
        // run 2 is slow on both sides (a loaded machine): per run, ours is 1.25x, 1.5x and 2x a floor of 2 batches
        assertEquals(1.5, Spread.medianRatio(List.of(500L, 1200L, 800L), List.of(200L, 400L, 200L), 2), 1e-9);
        assertEquals("the upper middle one", 4.0, Spread.medianRatio(List.of(200L, 400L), List.of(100L, 100L), 1), 1e-9);
    }
}
