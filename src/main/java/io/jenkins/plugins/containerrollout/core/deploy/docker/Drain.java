package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.router.TrafficRouter;
import java.time.Clock;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Waits, before replicas taken out of the routing stop, for the requests the router already sent them: until the
 * router reports none in flight to their ports ({@link TrafficRouter#inFlight}), bounded; a router that cannot say
 * gets a fixed pause instead. A fixed pause alone cut any request slower than it (a slow endpoint, a loaded machine).
 */
final class Drain {
    /** The pause when the router cannot say what is in flight, and the shortest a routing change waits. */
    static final long FIXED_MILLIS = 300;
    /** A request still in flight after this is the client's timeout's business, not the rollout's. */
    static final long BOUND_MILLIS = 30_000;
    private static final long POLL_MILLIS = 25;

    private final TrafficRouter router;
    private final String app;
    private final Clock clock;

    Drain(TrafficRouter router, String app, Clock clock) {
        this.router = router;
        this.app = app;
        this.clock = clock;
    }

    /** Whether anything routes traffic: without a router, nothing was sent through one. */
    boolean routes() {
        return router != TrafficRouter.NONE;
    }

    /**
     * Waits until no request is in flight to {@code ports}.
     *
     * @param rerouted whether the routing changed just now (a router that cannot count then gets the fixed pause)
     */
    void await(Collection<Integer> ports, boolean rerouted) throws InterruptedException {
        if (!routes() || ports.isEmpty()) {
            return;
        }
        OptionalLong inFlight = router.inFlight(app, ports);
        if (inFlight.isEmpty()) {
            if (rerouted) {
                Thread.sleep(FIXED_MILLIS);
            }
            return;
        }
        long until = clock.millis() + BOUND_MILLIS;
        while (inFlight.isPresent() && inFlight.getAsLong() > 0 && clock.millis() < until) {
            Thread.sleep(POLL_MILLIS);
            inFlight = router.inFlight(app, ports);
        }
    }
}
