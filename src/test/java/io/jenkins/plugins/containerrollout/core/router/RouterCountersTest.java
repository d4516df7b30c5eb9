package io.jenkins.plugins.containerrollout.core.router;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import org.junit.Test;

/** A router without per-server counters (HAProxy's are in HaproxyCountersEngineTest) refuses router analysis. */
public class RouterCountersTest {
    @Test
    public void aRouterWithoutCountersRefusesNamingTheChoices() {
        String message = assertThrows(IOException.class, () -> TrafficRouter.NONE.counters("web")).getMessage();

        assertEquals("this router keeps no per-server traffic counters; use the haproxy router for router analysis, "
                + "or choose analysis: synthetic or prometheus", message);
    }
}
