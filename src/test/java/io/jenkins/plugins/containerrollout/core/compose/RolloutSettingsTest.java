package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import org.junit.Test;

/**
 * What the stack deployer reads for a service's rollout: {@code deploy.update_config} as a rolling update's batch
 * (compose-spec {@code deploy.md}, "update_config": parallelism 0 updates all containers at once; {@code stop-first}
 * stops an old task before starting its new one, {@code start-first} the other way round), and the
 * {@code x-rollout.strategy} names.
 */
public class RolloutSettingsTest {
    /** parallelism, order → maxSurge, maxUnavailable. */
    private static final Object[][] BATCHES = {
        {1, UpdateConfig.Order.STOP_FIRST, "0", "1"},
        {2, UpdateConfig.Order.STOP_FIRST, "0", "2"},
        {0, UpdateConfig.Order.STOP_FIRST, "0", "100%"},
        {1, UpdateConfig.Order.START_FIRST, "1", "0"},
        {3, UpdateConfig.Order.START_FIRST, "3", "0"},
        {0, UpdateConfig.Order.START_FIRST, "100%", "0"},
    };

    @Test
    public void updateConfigBecomesMaxSurgeOrMaxUnavailableByOrder() {
        for (Object[] row : BATCHES) {
            UpdateConfig u = new UpdateConfig((int) row[0], (UpdateConfig.Order) row[1], Duration.ZERO,
                    UpdateConfig.FailureAction.PAUSE);
            assertEquals(row[0] + " " + row[1], row[2], u.maxSurge());
            assertEquals(row[0] + " " + row[1], row[3], u.maxUnavailable());
        }
        assertEquals("the spec's default: one at a time, stop-first", "1", UpdateConfig.DEFAULTS.maxUnavailable());
    }

    @Test
    public void strategyNamesAreTheStepsNamesInAnyCase() {
        String[][] names = {{"rolling", "ROLLING"}, {"recreate", "RECREATE"}, {"blueGreen", "BLUE_GREEN"},
            {"bluegreen", "BLUE_GREEN"}, {"Canary", "CANARY"}};
        for (String[] row : names) {
            assertEquals(row[0], row[1], RolloutOverride.Strategy.parse(row[0], "x-rollout.strategy").name());
        }
        ComposeException e = assertThrows(ComposeException.class,
                () -> RolloutOverride.Strategy.parse("blue-green", "services.web.x-rollout.strategy"));
        assertEquals("services.web.x-rollout.strategy is 'blue-green'; use rolling, recreate, blueGreen or canary",
                e.getMessage());
    }
}
