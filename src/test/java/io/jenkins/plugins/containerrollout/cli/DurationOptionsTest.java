package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/**
 * The CLI's durations are seconds like the steps' (fractions allowed); the options documented in milliseconds
 * ({@code --batch-delay}, {@code --probe-interval}, {@code --probe-timeout}) keep their unit, so a command line
 * written before means the same.
 */
public class DurationOptionsTest {
    private static final Options OPTIONS = Options.of(RolloutOptions.STRATEGY, RolloutOptions.PROBE);

    private static ParsedOptions parse(String... args) throws UsageException {
        return OPTIONS.parse(List.of(args));
    }

    @Test
    public void newOptionsTakeSecondsWithFractions() throws Exception {
        ParsedOptions o = parse("--batch-delay-seconds", "1.5", "--probe-interval-seconds", "0.2",
                "--probe-timeout-seconds", "2");
        assertEquals(Duration.ofMillis(1500), ((RolloutStrategy.Rolling) RolloutOptions.strategy(o)).batchDelay());
        ProbeSettings probe = RolloutOptions.probe(o, "/");
        assertEquals(Duration.ofMillis(200), probe.interval());
        assertEquals(Duration.ofSeconds(2), probe.timeout());
    }

    @Test
    public void theOldOptionsKeepTheirMilliseconds() throws Exception {
        ParsedOptions o = parse("--batch-delay", "1500", "--probe-interval", "200", "--probe-timeout", "2000");
        assertEquals(Duration.ofMillis(1500), ((RolloutStrategy.Rolling) RolloutOptions.strategy(o)).batchDelay());
        assertEquals(Duration.ofMillis(200), RolloutOptions.probe(o, "/").interval());
        assertEquals(Duration.ofSeconds(2), RolloutOptions.probe(o, "/").timeout());
    }

    @Test
    public void bothSpellingsAtOnceAreAUsageError() {
        assertEquals("--batch-delay (milliseconds) and --batch-delay-seconds set the same; give --batch-delay-seconds only",
                assertThrows(UsageException.class, () -> RolloutOptions.strategy(
                        parse("--batch-delay", "100", "--batch-delay-seconds", "1"))).getMessage());
    }
}
