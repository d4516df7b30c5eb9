package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/**
 * How {@code status} describes a replica that does not run, from the engine's listing alone (no inspect): with the
 * exit the engine recorded once a deploy has returned and the replaced replica has exited. The status texts are the
 * engine's ({@code docker ps}'s STATUS column); {@code QuickStatusEngineTest} checks both listings on a real engine.
 */
public class StoppedReplicaDetailTest {

    @Test
    public void aReplicaThatExitedShowsItsExitCode() {
        assertEquals("stopped (kept), exited with code 137", AppListing.stoppedDetail("Exited (137) 2 seconds ago"));
        assertEquals("stopped (kept), exited with code 0", AppListing.stoppedDetail("Exited (0) About a minute ago"));
        assertEquals("stopped (kept), exited with code -1", AppListing.stoppedDetail("Exited (-1) 3 hours ago"));
    }

    @Test
    public void aReplicaThatNeverRanOrAnUnknownStatusShowsNoExit() {
        assertEquals("stopped (kept)", AppListing.stoppedDetail("Created"));
        assertEquals("stopped (kept)", AppListing.stoppedDetail(null));
        assertEquals("stopped (kept)", AppListing.stoppedDetail("Dead"));
        assertEquals("stopped (kept)", AppListing.stoppedDetail("Up 3 seconds (Exited (1) is not a prefix)"));
    }

    @Test
    public void theQuickListingReadsTheStatusText() throws Exception {
        String json = "[{\"Id\":\"abc\",\"Names\":[\"/web.r1.s0\"],\"State\":\"exited\","
                + "\"Status\":\"Exited (143) 5 seconds ago\",\"Labels\":{\"k\":\"v\"}},"
                + "{\"Id\":\"def\",\"Names\":[\"/web.r2.s0\"],\"State\":\"running\",\"Status\":\"Up 1 second\"}]";

        List<AppListing.Entry> entries = QuickStatus.entries(json);

        assertEquals(List.of("Exited (143) 5 seconds ago", "Up 1 second"),
                entries.stream().map(AppListing.Entry::engineStatus).toList());
        assertEquals(List.of(false, true), entries.stream().map(AppListing.Entry::running).toList());
    }
}
