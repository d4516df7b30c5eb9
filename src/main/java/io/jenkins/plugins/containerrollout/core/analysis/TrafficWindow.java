package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The traffic each server handled between two {@link CounterSnapshot}s (an analysis window), and its sums per port
 * group or per revision. A server is matched by name across the snapshots and belongs to the port it points at in the
 * later one, so a window must not span a routing change (a canary pause does not): a slot re-pointed inside the window
 * would lend its earlier replica's requests to the new one. Counters that went down (the router restarted) count from
 * zero.
 *
 * <p>Usage:
 * {@code Map<String, Traffic> t = TrafficWindow.between(before, after).byRevision(Map.of(21000, "3", 21002, "4"));}
 *
 * @param fromMillis   when the earlier snapshot was taken
 * @param toMillis     when the later snapshot was taken
 * @param byServer     the window's traffic per server name
 * @param portByServer the port each server pointed at when the window ended
 */
public record TrafficWindow(long fromMillis, long toMillis, Map<String, Traffic> byServer,
        Map<String, Integer> portByServer) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrafficWindow {
        byServer = Map.copyOf(byServer);
        portByServer = Map.copyOf(portByServer);
    }

    /** The window from {@code before} to {@code after} (snapshots of the same backend). */
    public static TrafficWindow between(CounterSnapshot before, CounterSnapshot after) {
        Map<String, ServerCounters> earlier = new TreeMap<>();
        before.servers().forEach(s -> earlier.put(s.server(), s));
        Map<String, Traffic> traffic = new TreeMap<>();
        Map<String, Integer> ports = new TreeMap<>();
        for (ServerCounters now : after.servers()) {
            ServerCounters then = earlier.get(now.server());
            ServerCounters base = then == null || now.requests() < then.requests() ? zero(now) : then;
            long requests = now.requests() - base.requests();
            traffic.put(now.server(), new Traffic(requests, delta(now.http5xx(), base.http5xx()),
                    delta(now.httpOther(), base.httpOther()),
                    delta(now.connectionErrors(), base.connectionErrors()),
                    delta(now.responseErrors(), base.responseErrors()),
                    requests == 0 ? -1 : now.avgResponseMillis(), requests == 0 ? -1 : now.avgTotalMillis()));
            ports.put(now.server(), now.port());
        }
        return new TrafficWindow(before.takenAtMillis(), after.takenAtMillis(), traffic, ports);
    }

    private static ServerCounters zero(ServerCounters server) {
        return new ServerCounters(server.server(), server.port(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static long delta(long now, long then) {
        return Math.max(0, now - then);
    }

    /** The window's length in milliseconds. */
    public long millis() {
        return toMillis - fromMillis;
    }

    /** The traffic of one server ({@link Traffic#NONE} for a name the backend does not have). */
    public Traffic server(String name) {
        return byServer.getOrDefault(name, Traffic.NONE);
    }

    /** The summed traffic of the servers pointing at {@code ports} (a revision's replicas). */
    public Traffic ports(Collection<Integer> ports) {
        Traffic sum = Traffic.NONE;
        for (Map.Entry<String, Integer> e : portByServer.entrySet()) {
            if (ports.contains(e.getValue())) {
                sum = sum.plus(byServer.get(e.getKey()));
            }
        }
        return sum;
    }

    /**
     * The summed traffic per revision, given the revision of each replica port; servers pointing at other ports (idle
     * slots, replicas of no listed revision) are left out.
     */
    public Map<String, Traffic> byRevision(Map<Integer, String> revisionByPort) {
        Map<String, Traffic> out = new TreeMap<>();
        portByServer.forEach((server, port) -> {
            String revision = revisionByPort.get(port);
            if (revision != null) {
                out.merge(revision, byServer.get(server), Traffic::plus);
            }
        });
        return out;
    }
}
