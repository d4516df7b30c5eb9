package io.jenkins.plugins.containerrollout.core.router;

import io.jenkins.plugins.containerrollout.core.analysis.ServerCounters;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The router in front of an application's replicas: which loopback ports receive its traffic. The deployer tells it
 * the serving set whenever that changes; blue-green switches the whole set in one call; canary splits the traffic by
 * weight ({@link #split}) and analyses it through the router's {@link #frontend}.
 *
 * <p>Usage: {@code new DockerDeployer(host, new HaproxyRouter(Path.of("/run/haproxy/admin.sock")))}
 */
public interface TrafficRouter {
    /** No router: replicas are reached on their own ports (rolling and recreate need nothing more). */
    TrafficRouter NONE = new TrafficRouter() {
        @Override
        public void route(String app, List<Integer> ports) {
        }

        @Override
        public List<Integer> routed(String app) {
            return List.of();
        }
    };

    /** Sends {@code app}'s traffic to exactly {@code ports} (127.0.0.1), in one step as far as clients can tell. */
    void route(String app, List<Integer> ports) throws IOException;

    /** The ports {@code app}'s traffic goes to now, ascending. */
    List<Integer> routed(String app) throws IOException;

    /**
     * Sends {@code app}'s traffic to exactly the ports of {@code weights} (127.0.0.1), each in proportion to its
     * weight ({@link #MAX_WEIGHT} at most; 0 keeps a port routed but sends it nothing), in one step as far as
     * clients can tell. Routers that cannot weight traffic take equal weights only.
     */
    default void split(String app, Map<Integer, Integer> weights) throws IOException {
        if (weights.values().stream().distinct().count() > 1) {
            throw new IOException("this router cannot split traffic by weight; use the haproxy router for canary "
                    + "rollouts");
        }
        route(app, weights.keySet().stream().sorted().toList());
    }

    /** The URL clients reach {@code app} at through this router (canary analysis measures there), if known. */
    default Optional<URI> frontend(String app) {
        return Optional.empty();
    }

    /**
     * What a later command needs to open this router again for {@code app}, recorded with the application's state;
     * empty for a router that cannot be described (then a later command without a router has none).
     */
    default Optional<RouterSettings> settings(String app) {
        return Optional.empty();
    }

    /**
     * The cumulative traffic counters of every server the router has for {@code app} (each pointing at a replica
     * port, or idle), for canary analysis of real traffic ({@code TrafficWindow.between} two of them). Routers that
     * keep no such counters refuse.
     */
    default List<ServerCounters> counters(String app) throws IOException {
        throw new IOException("this router keeps no per-server traffic counters; use the haproxy router for router "
                + "analysis, or choose analysis: synthetic or prometheus");
    }

    /**
     * Requests in flight now to the servers pointing at {@code ports} (taken out of the routing, they finish what they
     * were sent); empty when the router cannot say, and then a caller waits a fixed drain time instead.
     */
    default OptionalLong inFlight(String app, Collection<Integer> ports) {
        try {
            return OptionalLong.of(counters(app).stream().filter(s -> ports.contains(s.port()))
                    .mapToLong(ServerCounters::sessions).sum());
        } catch (IOException noCounters) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sends {@code app}'s preview traffic (a second address that only testers and {@code containerVerify} use) to
     * exactly {@code ports}; empty stops it. A blue-green release without auto-promotion serves there until promoted.
     * Routers without a preview refuse.
     */
    default void preview(String app, List<Integer> ports) throws IOException {
        throw new IOException("this router has no preview address; use the haproxy router with a preview port "
                + "(router-config --preview-port, --router-preview-port, haproxy(previewPort: ...))");
    }

    /** The URL the preview of {@code app} answers at, if this router has one. */
    default Optional<URI> previewUrl(String app) {
        return Optional.empty();
    }

    /** The largest weight one port can get (HAProxy's per-server limit). */
    int MAX_WEIGHT = 256;
}
