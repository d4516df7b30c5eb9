package io.jenkins.plugins.containerrollout.core.engine;

import java.io.BufferedInputStream;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker Engine API over its unix socket or plain TCP with JDK sockets alone: {@code GET}s for the command line's
 * quick queries, and the build's {@code POST} with its context. A command answering in a fraction of a second cannot
 * afford docker-java's client and model (a few hundred milliseconds of class loading and reflection in a fresh JVM).
 * Engines reached over TLS, or by an address this does not speak, are left to the full client ({@link #of} is empty).
 *
 * <p>Usage: {@code Optional<PlainEngine> e = PlainEngine.of(host); String json = e.get().get("/containers/json?all=1");}
 */
public final class PlainEngine {
    /** The whole exchange, connecting included: a quick query that hangs is worse than the full client's answer. */
    static final int TIMEOUT_MILLIS = 10_000;
    /** Bigger bodies are not a listing or an inspect of one application. */
    static final int BODY_MAX = 32 << 20;

    private final UnixDomainSocketAddress unix;
    private final InetSocketAddress tcp;
    private final String hostHeader;

    private PlainEngine(UnixDomainSocketAddress unix, InetSocketAddress tcp, String hostHeader) {
        this.unix = unix;
        this.tcp = tcp;
        this.hostHeader = hostHeader;
    }

    /** A client for {@code host} when it is a unix socket or plain {@code tcp://}; empty for TLS and anything else. */
    public static Optional<PlainEngine> of(DockerHost host) {
        if (host.tlsVerify() || host.tls() != null) {
            return Optional.empty();
        }
        String uri = host.uri();
        try {
            if (uri.startsWith("unix://")) {
                return Optional.of(new PlainEngine(UnixDomainSocketAddress.of(uri.substring("unix://".length())), null,
                        "localhost"));
            }
            if (uri.startsWith("tcp://")) {
                URI u = URI.create(uri);
                if (u.getHost() == null || u.getPort() < 0) {
                    return Optional.empty();
                }
                return Optional.of(new PlainEngine(null, new InetSocketAddress(u.getHost(), u.getPort()),
                        u.getHost() + ":" + u.getPort()));
            }
        } catch (IllegalArgumentException unreadable) {
            // the full client explains a malformed address
        }
        return Optional.empty();
    }

    /** {@code value} encoded for a query string ({@code filters={"label":[...]}}). */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The body of {@code GET path}, or empty for 404; any other status, or a transport failure, is an
     * {@link IOException} (the caller then asks the full client, which explains it).
     */
    public Optional<String> get(String path) throws IOException {
        try (SocketChannel channel = connect(); Watchdog watchdog = new Watchdog(channel)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nUser-Agent: container-rollout\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            try (RawHttpResponse answer = RawHttpResponse.read(new BufferedInputStream(Channels.newInputStream(channel),
                    16 << 10), () -> { })) {
                byte[] body = answer.getBody().readNBytes(BODY_MAX + 1);
                if (body.length > BODY_MAX) {
                    throw new IOException("the engine's answer to GET " + path + " is larger than " + BODY_MAX + " bytes");
                }
                if (answer.getStatusCode() == 404) {
                    return Optional.empty();
                }
                if (answer.getStatusCode() != 200) {
                    throw new IOException("the engine answered GET " + path + " with " + answer.getStatusCode() + ": "
                            + new String(body, StandardCharsets.UTF_8).trim());
                }
                return Optional.of(new String(body, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * {@code POST path} with {@code body} sent in chunks as it is read ({@link ChunkedPost}), and the answer as it
     * arrives; closing the answer closes the connection, which ends a read or write under way. No timeout of its
     * own: a build is bounded by its caller, which closes the answer to stop it.
     */
    public DockerHttpClient.Response post(String path, Map<String, String> headers, InputStream body) throws IOException {
        SocketChannel channel = connect();
        Runnable release = () -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a connection we are done with
            }
        };
        try {
            return ChunkedPost.exchange(channel, ChunkedPost.head(path, hostHeader, headers), body, release);
        } catch (IOException | RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = unix != null ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        try {
            channel.connect(unix != null ? unix : tcp);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Closes the channel when the exchange takes too long, which ends a blocked read with an exception. */
    private static final class Watchdog implements AutoCloseable {
        private final Thread thread;

        Watchdog(SocketChannel channel) {
            // a sleeping thread, unlike one blocked in native code, does not hold up the JVM's exit
            thread = new Thread(() -> {
                try {
                    Thread.sleep(TIMEOUT_MILLIS);
                    channel.close();
                } catch (InterruptedException | IOException done) {
                    // the exchange ended first
                }
            }, "engine-get-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
