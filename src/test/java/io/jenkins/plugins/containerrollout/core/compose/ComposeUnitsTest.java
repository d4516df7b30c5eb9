package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Test;

/**
 * Durations and byte values as the Compose specification writes them (compose-spec/compose-spec
 * {@code 11-extension.md}, "Specifying durations": units us, ms, s, m, h, combined without separator, e.g.
 * {@code 1m30s}, {@code 2.5s}, {@code 1h5m30s20ms}; "Specifying byte values": {@code 2b}, {@code 1024kb},
 * {@code 2048k}, {@code 300m}, {@code 1gb}).
 */
public class ComposeUnitsTest {
    private static final Object[][] DURATIONS = {
        {"10s", Duration.ofSeconds(10)},
        {"1m30s", Duration.ofSeconds(90)},
        {"2.5s", Duration.ofMillis(2500)},
        {"2h32m", Duration.ofMinutes(152)},
        {"5h34m56s", Duration.ofSeconds(5 * 3600 + 34 * 60 + 56)},
        {"10ms", Duration.ofMillis(10)},
        {"40us", Duration.ofNanos(40_000)},
        {"1h5m30s20ms", Duration.ofHours(1).plusMinutes(5).plusSeconds(30).plusMillis(20)},
        {"0", Duration.ZERO},
    };
    private static final String[] BAD_DURATIONS = {"10", "10 s", "1d", "s", "", "1m 30s", "-5s", "1.s"};

    private static final Object[][] BYTES = {
        {"2b", 2L}, {"1024kb", 1024L * 1024}, {"2048k", 2048L * 1024}, {"300m", 300L << 20}, {"1gb", 1L << 30},
        {"512M", 512L << 20}, {"1G", 1L << 30}, {536870912, 536870912L}, {"1048576", 1048576L},
    };
    private static final String[] BAD_BYTES = {"1.5g", "1t", "g", "-1m", "512 megabytes"};

    @Test
    public void readsEveryDurationFormOfTheSpec() {
        for (Object[] row : DURATIONS) {
            assertEquals(String.valueOf(row[0]), row[1], ComposeUnits.duration(row[0], "x.interval"));
        }
    }

    @Test
    public void refusesDurationsWithoutUnitsOrWithUnknownUnitsNamingTheKey() {
        for (String bad : BAD_DURATIONS) {
            ComposeException e = assertThrows(bad, ComposeException.class,
                    () -> ComposeUnits.duration(bad, "services.web.healthcheck.interval"));
            assertTrue(e.getMessage(), e.getMessage().startsWith("services.web.healthcheck.interval '" + bad
                    + "' is not a duration; write it as Compose does, e.g. '10s', '1m30s'"));
        }
    }

    @Test
    public void readsByteValuesAsBinaryMultiples() {
        for (Object[] row : BYTES) {
            assertEquals(String.valueOf(row[0]), row[1], ComposeUnits.bytes(row[0], "x.memory"));
        }
    }

    @Test
    public void refusesDecimalAndUnknownByteValuesNamingTheKey() {
        for (String bad : BAD_BYTES) {
            ComposeException e = assertThrows(bad, ComposeException.class,
                    () -> ComposeUnits.bytes(bad, "services.web.deploy.resources.limits.memory"));
            assertTrue(e.getMessage(), e.getMessage().startsWith("services.web.deploy.resources.limits.memory '" + bad
                    + "' is not a byte value"));
        }
    }

    @Test
    public void readsCpuCountsAsNanoCpusAndRefusesZeroOrText() {
        assertEquals(500_000_000L, ComposeUnits.nanoCpus(0.5, "cpus"));
        assertEquals(2_000_000_000L, ComposeUnits.nanoCpus("2", "cpus"));
        for (Object bad : new Object[] {"0", "-1", "half", "1e-12"}) {
            assertThrows(String.valueOf(bad), ComposeException.class, () -> ComposeUnits.nanoCpus(bad, "cpus"));
        }
    }
}
