package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private HAProxy (Debian's {@code /usr/sbin/haproxy}) in the foreground: a loopback frontend and an admin socket. */
final class HaproxyFixture implements AutoCloseable {
    final Path adminSocket;
    final int frontendPort;
    private final Path dir;
    private final Process process;

    HaproxyFixture(String app, int frontendPort, int slots) throws IOException, InterruptedException {
        this.dir = Files.createTempDirectory("hap");
        this.adminSocket = dir.resolve("admin.sock");
        this.frontendPort = frontendPort;
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, HaproxyConfig.render(adminSocket, app, frontendPort, slots));
        this.process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long until = System.currentTimeMillis() + 10_000;
        while (!Files.exists(adminSocket) && process.isAlive() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        if (!Files.exists(adminSocket)) {
            close();
            throw new IllegalStateException("haproxy did not start: " + Files.readString(dir.resolve("haproxy.log")));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
