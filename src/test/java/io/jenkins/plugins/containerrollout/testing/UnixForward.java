package io.jenkins.plugins.containerrollout.testing;

import io.jenkins.plugins.containerrollout.core.engine.BlockInputStream;
import io.jenkins.plugins.containerrollout.core.engine.BlockOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The engine's unix socket offered on a loopback TCP port, byte for byte (what {@code socat} does): the test bed's
 * engines listen on unix sockets only, and a client's {@code tcp://} path must still be tried against a real engine.
 *
 * <p>Usage: {@code try (UnixForward f = new UnixForward(Path.of("/var/run/docker.sock"))) { "tcp://127.0.0.1:" + f.port() }}
 */
public final class UnixForward implements AutoCloseable {
    private final ServerSocket server;

    public UnixForward(Path socket) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    engine.connect(UnixDomainSocketAddress.of(socket));
                    pump(client.getInputStream(), writing(engine), engine::shutdownOutput);
                    pump(reading(engine), client.getOutputStream(), () -> {
                        client.close();
                        engine.close();
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        }, "unix-forward");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private interface End {
        void run() throws IOException;
    }

    private static void pump(InputStream in, OutputStream out, End end) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
                out.flush();
            } catch (IOException ignored) {
                // the other side closed
            } finally {
                try {
                    end.run();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "unix-forward-pump");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The engine's side of the two pumps, straight on its channel: Channels' streams over one blocking channel take the
     * same lock to read and to write, so a pump waiting for the answer kept the other from sending the request (a
     * request then hung until the client's timeout, now and then).
     */
    private static InputStream reading(SocketChannel channel) {
        return new BlockInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    private static OutputStream writing(SocketChannel channel) {
        return new BlockOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
