package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link TrafficRouter} over HAProxy's runtime API (the admin socket, {@code level admin}). Each application is a
 * backend of the same name with a fixed pool of server slots ({@link HaproxyConfig} writes one); routing points slots
 * at replica ports ({@code set server ... addr 127.0.0.1 port P}) and turns them {@code ready} or {@code maint}. All
 * commands of one change go in a single request, which HAProxy runs back to back: new servers are enabled before old
 * ones are disabled, so no request finds the backend empty.
 *
 * <p>Usage: {@code new HaproxyRouter(Path.of("/run/haproxy/admin.sock")).route("web", List.of(21000, 21001))}
 */
public final class HaproxyRouter implements TrafficRouter {
    /** A server slot as {@code show servers state} describes it. */
    private record Slot(String name, int port, boolean ready) {
    }

    private final Path adminSocket;

    public HaproxyRouter(Path adminSocket) {
        this.adminSocket = adminSocket;
    }

    @Override
    public void route(String app, List<Integer> ports) throws IOException {
        List<Slot> slots = slots(app);
        Set<Integer> wanted = new LinkedHashSet<>(ports);
        List<Slot> spare = new ArrayList<>();
        for (Slot s : slots) {
            if (s.ready() && wanted.remove(s.port())) {
                continue; // already routed there: untouched
            }
            spare.add(s);
        }
        // idle slots first, so slots still serving an unwanted port keep serving until the very end of the request
        spare.sort(Comparator.comparing(Slot::ready));
        if (spare.size() < wanted.size()) {
            throw new IOException("haproxy backend '" + app + "' has " + slots.size() + " server slots, too few for "
                    + ports.size() + " replicas plus the ones being replaced; render the config with more slots");
        }
        List<String> commands = new ArrayList<>();
        for (int port : wanted) {
            String server = app + "/" + spare.remove(0).name();
            commands.add("set server " + server + " addr 127.0.0.1 port " + port);
            commands.add("set server " + server + " state ready");
        }
        for (Slot s : spare) {
            if (s.ready()) {
                commands.add("set server " + app + "/" + s.name() + " state maint");
            }
        }
        if (!commands.isEmpty()) {
            String reply = send(String.join("; ", commands));
            if (reply.contains("No such") || reply.contains("Unknown") || reply.contains("Require")) {
                throw new IOException("haproxy refused routing " + app + " to " + ports + ": " + reply.trim());
            }
        }
    }

    @Override
    public List<Integer> routed(String app) throws IOException {
        return slots(app).stream().filter(Slot::ready).map(Slot::port).sorted().toList();
    }

    /** Parses {@code show servers state <backend>}: op state 2 (running) and no forced maintenance means routed. */
    private List<Slot> slots(String app) throws IOException {
        String reply = send("show servers state " + app);
        List<Slot> slots = new ArrayList<>();
        for (String line : reply.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 19 || line.startsWith("#") || !f[1].equals(app)) {
                continue;
            }
            boolean ready = f[5].equals("2") && (Integer.parseInt(f[6]) & 0x01) == 0;
            slots.add(new Slot(f[3], Integer.parseInt(f[18]), ready));
        }
        if (slots.isEmpty()) {
            throw new IOException("haproxy at " + adminSocket + " has no backend '" + app + "' with server slots: "
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
