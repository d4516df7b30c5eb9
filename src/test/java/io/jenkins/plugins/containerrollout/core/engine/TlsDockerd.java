package io.jenkins.plugins.containerrollout.core.engine;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second, throw-away dockerd that only speaks TLS with client certificates ({@code --tlsverify}) on
 * {@code tcp://127.0.0.1:<free port>}, with its own data root, exec root, pid file and unix socket under one temp
 * directory, and certificates made with openssl: the right ones, a directory trusting the wrong CA, and one without a
 * client certificate. Public for the steps' end-to-end TLS test.
 *
 * <p>Usage: {@code try (TlsDockerd engine = TlsDockerd.start()) { connect(engine.host(engine.clientCerts)); }}
 */
public final class TlsDockerd implements AutoCloseable {
    public final Path dir;
    final int port;
    /** ca.pem, cert.pem, key.pem that the engine accepts. */
    public final Path clientCerts;
    /** ca.pem of another CA (the engine's certificate does not chain to it), with the right client certificate. */
    public final Path wrongCa;
    /** The right ca.pem, with a client certificate signed by another CA. */
    final Path foreignClientCert;
    /** ca.pem only: TLS without a client certificate. */
    final Path noClientCert;
    private final Process dockerd;

    private TlsDockerd(Path dir, int port, Process dockerd) {
        this.dir = dir;
        this.port = port;
        this.dockerd = dockerd;
        this.clientCerts = dir.resolve("client");
        this.wrongCa = dir.resolve("wrong-ca");
        this.noClientCert = dir.resolve("no-cert");
        this.foreignClientCert = dir.resolve("foreign-cert");
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    DockerHost host(Path certs) {
        return new DockerHost(uri(), true, certs.toString());
    }

    /**
     * The PEM files of a certificate directory as in-memory material named {@code source}, as a Docker Server
     * Certificate credential would hand them over; a missing file is left out.
     */
    public static TlsMaterial material(Path certs, String source) throws IOException {
        return new TlsMaterial(source, read(certs.resolve("ca.pem")), read(certs.resolve("cert.pem")),
                read(certs.resolve("key.pem")));
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : null;
    }

    public static TlsDockerd start() throws Exception {
        Path dir = Files.createTempDirectory("bld-tls");
        Path pki = Files.createDirectories(dir.resolve("pki"));
        makeCertificates(pki, dir);
        int port = TestCommands.unusedPort();
        Process p = new ProcessBuilder(List.of("dockerd",
                "-H", "tcp://127.0.0.1:" + port, "-H", "unix://" + dir.resolve("docker.sock"),
                "--tlsverify", "--tlscacert", pki.resolve("ca.pem").toString(),
                "--tlscert", pki.resolve("server-cert.pem").toString(), "--tlskey", pki.resolve("server-key.pem").toString(),
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(),
                "--bridge=none", "--iptables=false", "--ip-masq=false", "--ip6tables=false"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        TlsDockerd engine = new TlsDockerd(dir, port, p);
        try {
            engine.awaitReady(Duration.ofSeconds(90));
            return engine;
        } catch (Exception | AssertionError e) {
            engine.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        EngineException last = null;
        while (System.nanoTime() < end) {
            if (!dockerd.isAlive()) {
                throw new AssertionError("the second dockerd exited with " + dockerd.exitValue() + ":\n" + log());
            }
            try {
                DockerClientFactory.DEFAULT.connect(host(clientCerts)).close();
                return;
            } catch (EngineException e) {
                if (!e.getMessage().startsWith("cannot reach")) {
                    throw e;
                }
                last = e;
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the second dockerd did not answer on " + uri() + " within " + timeout + ": " + last
                + "\n" + log());
    }

    /** The last lines of the engine's log, for failure messages. */
    String log() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    @Override
    public void close() throws Exception {
        dockerd.destroy(); // SIGTERM: dockerd stops its containerd and unmounts its data root
        if (!dockerd.waitFor(60, TimeUnit.SECONDS)) {
            dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
    }

    private static void makeCertificates(Path pki, Path dir) throws IOException {
        Files.writeString(pki.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(pki.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl(pki, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=container-rollout test CA");
        openssl(pki, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca-key.pem", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=some other CA");
        signed(pki, "ca", "server", "/CN=127.0.0.1", "server.ext");
        signed(pki, "ca", "client", "/CN=rollout-client", "client.ext");
        signed(pki, "other-ca", "foreign", "/CN=foreign-client", "client.ext");
        certDirectory(pki, dir.resolve("client"), "ca", "client");
        certDirectory(pki, dir.resolve("wrong-ca"), "other-ca", "client");
        certDirectory(pki, dir.resolve("foreign-cert"), "ca", "foreign");
        certDirectory(pki, dir.resolve("no-cert"), "ca", null);
    }

    /** A DOCKER_CERT_PATH-style directory: {@code ca}'s certificate as ca.pem, {@code client}'s as cert.pem/key.pem. */
    private static void certDirectory(Path pki, Path target, String ca, String client) throws IOException {
        Files.createDirectories(target);
        Files.copy(pki.resolve(ca + ".pem"), target.resolve("ca.pem"));
        if (client != null) {
            Files.copy(pki.resolve(client + "-cert.pem"), target.resolve("cert.pem"));
            Files.copy(pki.resolve(client + "-key.pem"), target.resolve("key.pem"));
        }
    }

    private static void signed(Path pki, String ca, String name, String subject, String ext) {
        openssl(pki, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".csr", "-subj", subject);
        openssl(pki, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem", "-CAcreateserial",
                "-out", name + "-cert.pem", "-days", "2", "-extfile", ext);
    }

    private static void openssl(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        TestCommands.run(dir, command);
    }
}
