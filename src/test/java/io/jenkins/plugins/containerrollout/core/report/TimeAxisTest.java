package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class TimeAxisTest {
    @Test
    public void putsTicksOnRoundSteps() {
        assertEquals(List.of(0L, 2000L, 4000L, 6000L, 8000L, 10000L, 12000L),
                new TimeAxis(0, 12_900, 0, 100).ticks());
        assertEquals(List.of(0L, 200L, 400L, 600L, 800L), new TimeAxis(0, 900, 0, 100).ticks());
    }

    @Test
    public void mapsTimeToPixelsAndClampsOutsideTheRollout() {
        TimeAxis axis = new TimeAxis(1000, 2000, 100, 500);
        assertEquals(100.0, axis.x(1000), 0.001);
        assertEquals(350.0, axis.x(1500), 0.001);
        assertEquals(100.0, axis.x(0), 0.001);
        assertEquals(600.0, axis.x(9000), 0.001);
    }

    @Test
    public void labelsLongRolloutsInMinutes() {
        StringBuilder svg = new StringBuilder();
        new TimeAxis(0, 600_000, 0, 1000).draw(svg, 0, 100);
        assertTrue(svg.toString(), svg.toString().contains(">5 min</text>"));
        svg.setLength(0);
        new TimeAxis(0, 12_900, 0, 1000).draw(svg, 0, 100);
        assertTrue(svg.toString(), svg.toString().contains(">12 s</text>"));
    }
}
