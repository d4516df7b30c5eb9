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
}
