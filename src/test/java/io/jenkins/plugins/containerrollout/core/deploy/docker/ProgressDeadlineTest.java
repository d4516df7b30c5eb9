package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.Test;

/** The progress deadline on an injected clock: it fails only after the deadline without progress. */
public class ProgressDeadlineTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    public void failsOnlyWhenNoProgressWasMadeForLongerThanTheDeadline() throws Exception {
        HandClock clock = new HandClock();
        ProgressDeadline deadline = new ProgressDeadline(clock, 10);
        clock.advance(Duration.ofSeconds(10));
        deadline.check(2); // exactly at the deadline: not exceeded
        clock.advance(Duration.ofSeconds(5));
        deadline.progressed();
        clock.advance(Duration.ofSeconds(9));
        deadline.check(2);
        clock.advance(Duration.ofSeconds(2));
        RolloutFailure f = assertThrows(RolloutFailure.class, () -> deadline.check(2));
        assertTrue(f.getMessage(), f.getMessage().startsWith("progress deadline of 10 s exceeded: no replica of "
                + "revision 2 became available for 11000 ms"));
    }
}
