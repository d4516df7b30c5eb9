package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a Compose file means, checked against Docker's own reading of it: Debian's {@code docker-compose} (1.29,
 * {@code apt-get install docker-compose}) normalises the file with {@code config} (interpolation from the environment
 * and {@code .env} done, {@code env_file} merged into {@code environment}, relative bind paths made absolute, short
 * ports and volumes partly rewritten to long syntax, durations rewritten as {@code 90s}, fragments merged). Reading that
 * output and reading the original must give the same services. Only {@code config} is run, never {@code up}; it needs
 * no engine ({@code DOCKER_HOST} points at nothing). Skipped where {@code docker-compose} is not installed, except on
 * CI, where the test bed installs it.
 */
public class DockerComposeConfigTest {
    private static final Map<String, String> ENV = Map.of("TAG", "from-env", "PASSED", "p");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void ourModelOfAFileEqualsOurModelOfWhatDockerComposeConfigMakesOfIt() throws Exception {
        boolean installed = installed();
        if (!installed && "true".equals(System.getenv("CI"))) {
            // the test bed installs it (scripts/testbed): on CI a skip would hide a comparison that never ran
            throw new AssertionError("docker-compose is not installed: scripts/testbed up installs it");
        }
        assumeTrue("docker-compose is not installed (apt-get install -y docker-compose)", installed);
        Path dir = tmp.newFolder("shop").toPath();
        Path file = dir.resolve("compose.yaml");
        try (InputStream in = getClass().getResourceAsStream("meaning.yaml")) {
            Files.copy(in, file);
        }
        Files.writeString(dir.resolve(".env"), "TAG=from-dotenv\nMODE=dotenv-mode\n");
        Files.writeString(dir.resolve("web.env"), "A=from-file\n");

        String normalised = run(dir, "docker-compose", "-p", "shop", "-f", file.toString(), "config");
        Map<String, ComposeService> ours = byName(ComposeLoader.load(file, "shop", Map.of(), ENV));
        Map<String, ComposeService> theirs = byName(ComposeLoader.parse(normalised, "config output", dir, "shop",
                Map.of(), ENV));

        assertEquals(theirs, ours);
        // the points the comparison rests on, spelled out: a broken interpolation would break both readings alike
        ComposeService web = ours.get("web");
        assertEquals("127.0.0.1:5000/web:from-env", web.image());
        assertEquals(Map.of("A", "from-file", "B", "dotenv-mode", "C", "dflt", "PASSED", "p"), web.environment());
        assertEquals(dir.getParent().resolve("conf").toString(), web.volumes().get(2).source());
    }

    private static Map<String, ComposeService> byName(ComposeProject p) {
        return p.services().stream().collect(Collectors.toMap(ComposeService::name, s -> s, (a, b) -> a, TreeMap::new));
    }

    private static boolean installed() {
        try {
            Process p = new ProcessBuilder("docker-compose", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeAll(java.util.Set.of("TAG", "MODE", "N", "UNSET_VAR", "PASSED", "COMPOSE_FILE",
                "COMPOSE_PROJECT_NAME"));
        env.putAll(ENV);
        env.put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        Process p = pb.redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("docker-compose config did not finish in 60 s");
        }
        assertEquals("docker-compose config failed: " + err, 0, p.exitValue());
        return out;
    }
}
