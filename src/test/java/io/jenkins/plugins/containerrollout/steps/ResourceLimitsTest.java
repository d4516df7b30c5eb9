package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** {@code memory} and {@code cpus} read as {@code docker run} reads them. */
public class ResourceLimitsTest {

    @Test
    public void megabytesAndGigabytesUseBinaryUnits() {
        assertEquals(256L << 20, ResourceLimits.memoryBytes("256m"));
        assertEquals(1L << 30, ResourceLimits.memoryBytes("1G"));
        assertEquals(3L << 29, ResourceLimits.memoryBytes("1.5g"));
    }

    @Test
    public void aPlainNumberIsBytes() {
        assertEquals(10_000_000L, ResourceLimits.memoryBytes("10000000"));
    }

    @Test
    public void blankMemoryMeansNoLimit() {
        assertEquals(0, ResourceLimits.memoryBytes(" "));
    }

    @Test
    public void memoryThatIsNoSizeIsRefusedWithAnExample() {
        assertEquals("memory: 'lots' is not a size; use e.g. '256m', '1g' or '512k'",
                assertThrows(IllegalArgumentException.class, () -> ResourceLimits.memoryBytes("lots")).getMessage());
    }

    @Test
    public void memoryBelowTheEnginesMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResourceLimits.memoryBytes("512k"));
    }

    @Test
    public void halfACpuIsHalfABillionNanoCpus() {
        assertEquals(500_000_000L, ResourceLimits.nanoCpus("0.5"));
    }

    @Test
    public void cpusThatAreNoNumberAreRefused() {
        assertEquals("cpus: 'half' is not a number of CPUs; use e.g. '0.5' or '2'",
                assertThrows(IllegalArgumentException.class, () -> ResourceLimits.nanoCpus("half")).getMessage());
    }

    @Test
    public void negativeCpusAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResourceLimits.nanoCpus("-1"));
    }
}
