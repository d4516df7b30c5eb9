package io.jenkins.plugins.containerrollout.core.router;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.analysis.ServerCounters;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link TrafficRouter} over HAProxy's runtime API (the admin socket, {@code level admin}). Each application is a
 * backend (of the same name unless one is given) with a fixed pool of server slots ({@link HaproxyConfig} writes one); routing points slots
 * at replica ports ({@code set server ... addr 127.0.0.1 port P}) and turns them {@code ready} or {@code maint}. All
 * commands of one change go in a single request, which HAProxy runs back to back: new servers are enabled before old
 * ones are disabled, so no request finds the backend empty. Every routed slot gets its weight
 * ({@code set weight ...}) in the same request: 1 each for {@link #route}, the given ones for {@link #split}.
 *
 * <p>Usage: {@code new HaproxyRouter(Path.of("/run/haproxy/admin.sock"), 8080).split("web", Map.of(21000, 230, 21002, 26))}
 */
public final class HaproxyRouter implements TrafficRouter {
    /** A server slot as {@code show servers state} describes it. */
    private record Slot(String name, int port, boolean ready, int weight) {
    }

    private final Path adminSocket;
    private final int frontendPort;
    /** The backend holding the application's slots, or null: the one named after the application. */
    private final String backend;
    /** The loopback port of the preview frontend (backend {@code <backend>.preview}), or 0: none. */
    private final int previewPort;

    /** A router whose frontend port is unknown: fine for rolling and blue-green, not for canary analysis. */
    public HaproxyRouter(Path adminSocket) {
        this(adminSocket, 0);
    }

    /**
     * @param frontendPort the loopback port of the frontend ({@link HaproxyConfig#render}'s), where canary analysis
     *                     sends its requests
     */
    public HaproxyRouter(Path adminSocket, int frontendPort) {
        this(adminSocket, frontendPort, null);
    }

    /** A router whose applications' slots are in {@code backend} (null: the backend named after the application). */
    public HaproxyRouter(Path adminSocket, int frontendPort, String backend) {
        this(adminSocket, frontendPort, backend, 0);
    }

    /**
     * A router with a preview frontend on {@code previewPort} ({@link HaproxyConfig#render} with a preview port
     * writes it): a blue-green release without auto-promotion serves there until promoted.
     */
    public HaproxyRouter(Path adminSocket, int frontendPort, String backend, int previewPort) {
        this.adminSocket = adminSocket;
        this.frontendPort = frontendPort;
        this.backend = backend;
        this.previewPort = previewPort;
    }

    /** The socket is recorded as an absolute path: a later command may run from another directory. */
    @Override
    public Optional<RouterSettings> settings(String app) {
        return Optional.of(RouterSettings.haproxy(adminSocket.toAbsolutePath().toString(), backendOf(app), frontendPort,
                previewPort));
    }

    private String backendOf(String app) {
        return backend == null ? app : backend;
    }

    @Override
    public Optional<URI> frontend(String app) {
        return frontendPort > 0 ? Optional.of(URI.create("http://127.0.0.1:" + frontendPort)) : Optional.empty();
    }

    @Override
    public void route(String app, List<Integer> ports) throws IOException {
        Map<Integer, Integer> weights = new LinkedHashMap<>();
        ports.forEach(p -> weights.put(p, 1));
        split(app, weights);
    }

    @Override
    public void split(String app, Map<Integer, Integer> weights) throws IOException {
        splitIn(backendOf(app), weights);
    }

    /**
     * Routes the preview backend ({@code <backend>.preview}, which {@link HaproxyConfig#render} writes with a preview
     * port) to {@code ports}; a missing one is a clear error naming how to add it.
     */
    @Override
    public void preview(String app, List<Integer> ports) throws IOException {
        Map<Integer, Integer> weights = new LinkedHashMap<>();
        ports.forEach(p -> weights.put(p, 1));
        try {
            splitIn(previewBackend(app), weights);
        } catch (IOException e) {
            throw new IOException("no preview for '" + app + "' in haproxy at " + adminSocket + " (" + e.getMessage()
                    + "); render the config with a preview frontend (router-config --preview-port PORT)", e);
        }
    }

    @Override
    public Optional<URI> previewUrl(String app) {
        return previewPort > 0 ? Optional.of(URI.create("http://127.0.0.1:" + previewPort)) : Optional.empty();
    }

    /** The ports the preview of {@code app} sends its traffic to, ascending. */
    public List<Integer> previewed(String app) throws IOException {
        return slots(previewBackend(app)).stream().filter(Slot::ready).map(Slot::port).sorted().toList();
    }

    private String previewBackend(String app) {
        return backendOf(app) + HaproxyConfig.PREVIEW_SUFFIX;
    }

    private void splitIn(String backend, Map<Integer, Integer> weights) throws IOException {
        for (Map.Entry<Integer, Integer> e : weights.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > MAX_WEIGHT) {
                throw new RequestException("weight: " + e.getValue() + " for port " + e.getKey()
                        + " is out of range; HAProxy takes 0 to " + MAX_WEIGHT);
            }
        }
        List<Slot> slots = slots(backend);
        Map<Integer, Integer> wanted = new LinkedHashMap<>(weights);
        List<Slot> spare = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Slot s : slots) {
            Integer w = s.ready() ? wanted.remove(s.port()) : null;
            if (w == null) {
                spare.add(s);
            } else if (w != s.weight()) {
                commands.add("set weight " + backend + "/" + s.name() + " " + w); // already routed there: reweighted
            }
        }
        // idle slots first, so slots still serving an unwanted port keep serving until the very end of the request
        spare.sort(Comparator.comparing(Slot::ready));
        if (spare.size() < wanted.size()) {
            throw new IOException("haproxy backend '" + backend + "' has " + slots.size() + " server slots, too few for "
                    + weights.size() + " replicas plus the ones being replaced; render the config with more slots");
        }
        for (Map.Entry<Integer, Integer> e : wanted.entrySet()) {
            String server = backend + "/" + spare.remove(0).name();
            commands.add("set server " + server + " addr 127.0.0.1 port " + e.getKey());
            commands.add("set weight " + server + " " + e.getValue());
            commands.add("set server " + server + " state ready");
        }
        for (Slot s : spare) {
            if (s.ready()) {
                commands.add("set server " + backend + "/" + s.name() + " state maint");
            }
        }
        if (!commands.isEmpty()) {
            String reply = send(String.join("; ", commands));
            if (reply.contains("No such") || reply.contains("Unknown") || reply.contains("Require")
                    || reply.contains("only accepts") || reply.contains("Invalid")) {
                throw new IOException("haproxy refused routing " + backend + " to " + weights + ": " + reply.trim());
            }
        }
    }

    @Override
    public List<Integer> routed(String app) throws IOException {
        return slots(backendOf(app)).stream().filter(Slot::ready).map(Slot::port).sorted().toList();
    }

    /** The weight of each routed port of {@code app}, by port. */
    public Map<Integer, Integer> weights(String app) throws IOException {
        Map<Integer, Integer> out = new TreeMap<>();
        slots(backendOf(app)).stream().filter(Slot::ready).forEach(s -> out.put(s.port(), s.weight()));
        return out;
    }

    /**
     * The cumulative counters of every server slot of {@code app}'s backend ({@code show stat}, servers only), idle
     * slots included; two of them taken apart make an analysis window ({@code TrafficWindow.between}).
     */
    @Override
    public List<ServerCounters> counters(String app) throws IOException {
        String backend = backendOf(app);
        // "show stat <name>" would pick the frontend of the same name; all servers (type 4), filtered here, do not
        String reply = send("show stat -1 4 -1");
        List<ServerCounters> servers = StatCsv.servers(reply, backend);
        if (servers.isEmpty()) {
            throw new IOException("haproxy at " + adminSocket + " reports no servers of backend '" + backend + "': "
                    + reply.lines().limit(3).toList());
        }
        return servers;
    }

    /** Parses {@code show servers state <backend>}: op state 2 (running) and no forced maintenance means routed. */
    private List<Slot> slots(String backend) throws IOException {
        String reply = send("show servers state " + backend);
        List<Slot> slots = new ArrayList<>();
        for (String line : reply.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 19 || line.startsWith("#") || !f[1].equals(backend)) {
                continue;
            }
            boolean ready = f[5].equals("2") && (Integer.parseInt(f[6]) & 0x01) == 0;
            slots.add(new Slot(f[3], Integer.parseInt(f[18]), ready, Integer.parseInt(f[7])));
        }
        if (slots.isEmpty()) {
            throw new IOException("haproxy at " + adminSocket + " has no backend '" + backend + "' with server slots: "
                    + reply.trim());
        }
        return slots;
    }

    /** One request on the admin socket; HAProxy answers and closes (non-interactive mode). */
    private String send(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(adminSocket))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            StringBuilder reply = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                reply.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return reply.toString();
        }
    }
}
