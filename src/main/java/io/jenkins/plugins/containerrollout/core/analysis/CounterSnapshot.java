package io.jenkins.plugins.containerrollout.core.analysis;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * Every server's counters of one application's backend at one moment; two of them make a {@link TrafficWindow}.
 *
 * <p>Usage: {@code CounterSnapshot before = CounterSnapshot.now(router.counters("web"));}
 *
 * @param takenAtMillis epoch milliseconds when the router was asked
 * @param servers       one entry per server of the backend, idle slots included
 */
public record CounterSnapshot(long takenAtMillis, List<ServerCounters> servers) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CounterSnapshot {
        servers = List.copyOf(servers);
    }

    /**
     * The names of the servers pointing at {@code ports} (a revision's replicas), in the router's order: joined with
     * {@code |}, the {@code {{servers}}} of a Prometheus query over HAProxy's exporter.
     */
    public List<String> serversAt(Collection<Integer> ports) {
        return servers.stream().filter(s -> ports.contains(s.port())).map(ServerCounters::server).toList();
    }

    /** The counters, stamped with the current time. */
    public static CounterSnapshot now(List<ServerCounters> servers) {
        return new CounterSnapshot(System.currentTimeMillis(), servers);
    }
}
