package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code bin/container-rollout}, the launcher with the class-data sharing archive (#17): whether it makes, uses or
 * cannot use its archive, it answers exactly as {@code java -jar target/container-rollout-cli.jar} does. An
 * integration test (failsafe, after package), as the launcher runs the packaged jar. Nothing here is timed
 * (bench/CliStartBench.java measures); the archive is seen to be used in the JVM's class-loading log.
 */
public class LauncherIT {
    private static final Path LAUNCHER = CliJar.JAR.getParent().resolveSibling("bin/container-rollout");

    private Path dir;
    private String app;

    @Before
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("launcher");
        app = TestBed.unique("launcher"); // never deployed: status answers phase NONE, the same every time
    }

    @After
    public void tearDown() {
        TestBed.run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
    }

    @Test
    public void theFirstCommandMakesTheArchiveAndTheNextOneUsesIt() throws Exception {
        Path cache = dir.resolve("cache");
        String expected = jar("status", "--app", app);

        assertEquals(expected, launcher(cache, "status", "--app", app));
        assertEquals("one archive in the cache dir after the first command", 1, archives(cache).size());

        Path log = dir.resolve("classes.log");
        assertEquals(expected, launcher(cache, Map.of("CONTAINER_ROLLOUT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                "status", "--app", app));
        assertTrue("the second command maps Main from the archive",
                Files.readString(log).contains(Main.class.getName() + " source: shared objects file (top)"));
        Path statusArchive = archives(cache).get(0);

        // a command's own help makes no archive (it would lack the command's classes); the top-level help has its own
        assertEquals(jar("status", "--help"), launcher(cache, "status", "--help"));
        assertEquals(List.of(statusArchive), archives(cache));
        assertEquals(jar("--help"), launcher(cache, "--help"));
        assertEquals(2, archives(cache).size());

        // another command loads other classes: it makes an archive of its own, and leaves status's
        assertEquals(jar("history", "--app", app), launcher(cache, "history", "--app", app));
        assertEquals(3, archives(cache).size());
        assertTrue(archives(cache).contains(statusArchive));
        assertEquals(expected, launcher(cache, "status", "--app", app));
        assertEquals(3, archives(cache).size());
    }

    @Test
    public void aDamagedArchiveIsRefusedAndTheAnswerStaysTheSame() throws Exception {
        Path cache = dir.resolve("cache");
        String expected = jar("status", "--app", app);
        launcher(cache, "status", "--app", app);
        Path archive = archives(cache).get(0);
        byte[] bytes = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);

        Arrays.fill(bytes, 5_000, 9_000, (byte) 'x'); // damaged inside: the JVM's CRC check refuses it
        Files.write(archive, bytes);
        assertEquals(expected, launcher(cache, "status", "--app", app));

        Files.write(archive, Arrays.copyOf(bytes, 100_000)); // truncated: a JDK 17 JVM would crash on it
        assertEquals(expected, launcher(cache, "status", "--app", app));

        Files.writeString(archive, "not an archive");
        assertEquals(expected, launcher(cache, "status", "--app", app));
    }

    @Test
    public void withoutAWritableCacheDirItRunsThePlainJar() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "a file where the cache dir would go");

        assertEquals(jar("status", "--app", app), launcher(notADir, "status", "--app", app));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals("no archive anywhere", List.of(), files.filter(p -> p.toString().endsWith(".jsa")).toList());
        }
    }

    /**
     * The JVM options each command gets, seen by a {@code java} that prints its arguments: the C1 compiler alone and
     * the serial collector for the read-only commands, the JVM's defaults for builds and rollouts (a CLI rollout with
     * C1 alone measured no faster: bench/CliDeployBench.java); the user's options come last, so they win (HotSpot
     * takes the last of a repeated -XX flag).
     */
    @Test
    public void eachCommandGetsItsCompilerOptionsAndTheUsersComeLast() throws Exception {
        Path home = echoingJava();
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "CONTAINER_ROLLOUT_CDS", "off",
                "CONTAINER_ROLLOUT_JAVA_OPTS", "-XX:TieredStopAtLevel=4");

        for (String command : List.of("status", "history", "logs")) {
            assertEquals(command, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4",
                    "-cp"), jvmOptions(env, command));
        }
        for (String command : List.of("deploy", "build", "rollback")) {
            assertEquals(command, List.of("-XX:TieredStopAtLevel=4", "-cp"), jvmOptions(env, command));
        }
        List<String> all = run(env, List.of(LAUNCHER.toString()), "deploy", "--app", app).lines().toList();
        int jar = all.indexOf("-cp") + 1;
        assertTrue(all.toString(), Path.of(all.get(jar)).toRealPath().equals(CliJar.JAR.toRealPath()));
        assertEquals("then the command and its arguments", List.of("deploy", "--app", app),
                all.subList(jar + 2, jar + 5));
    }

    /**
     * The launcher puts the jar on the class path and names its main class instead of {@code -jar} (which would open
     * the jar to read its manifest): that class must be the one the manifest names, or the launcher would run
     * something else than {@code java -jar}.
     */
    @Test
    public void theMainClassTheLauncherNamesIsTheJarsMainClass() throws Exception {
        Path home = echoingJava();
        List<String> args = run(Map.of("JAVA_HOME", home.toString(), "CONTAINER_ROLLOUT_CDS", "off"),
                List.of(LAUNCHER.toString()), "status", "--app", app).lines().toList();
        String manifestMain;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(CliJar.JAR.toFile())) {
            manifestMain = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertEquals(Main.class.getName(), manifestMain);
        assertEquals(manifestMain, args.get(args.indexOf("-cp") + 2));
    }

    /** A JAVA_HOME whose {@code java} prints its arguments, one per line, instead of running anything. */
    private Path echoingJava() throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Path echo = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assertTrue(echo.toFile().setExecutable(true));
        return home;
    }

    /** The arguments the launcher gave {@code java} for {@code command}, up to the class path option. */
    private List<String> jvmOptions(Map<String, String> env, String command) throws Exception {
        List<String> args = run(env, List.of(LAUNCHER.toString()), command, "--app", app).lines().toList();
        return args.subList(0, args.indexOf("-cp") + 1);
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("container-rollout"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }

    private String jar(String... args) throws Exception {
        return run(Map.of(), List.of(java(), "-jar", CliJar.JAR.toString()), args);
    }

    private String launcher(Path cache, String... args) throws Exception {
        return launcher(cache, Map.of(), args);
    }

    private String launcher(Path cache, Map<String, String> env, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_CACHE_HOME", cache.toString());
        all.put("JAVA_HOME", System.getProperty("java.home"));
        return run(all, List.of(LAUNCHER.toString()), args);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command args} (with the test bed's engine unless it asks for help) and returns its stdout, after
     * checking that it exited 0, wrote nothing on stderr and left no JVM crash report.
     */
    private String run(Map<String, String> env, List<String> command, String... args) throws Exception {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(args));
        if (!args[0].equals("--help")) {
            line.addAll(List.of("--docker-host", TestBed.host().uri()));
        }
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(line + " timed out", p.waitFor(2, TimeUnit.MINUTES));
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(line + ": " + stderr, 0, p.exitValue());
        assertEquals(line + " wrote to stderr", "", stderr);
        assertFalse(line + ": a crash report", Files.exists(Path.of("hs_err_pid" + p.pid() + ".log")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
