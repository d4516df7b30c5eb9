package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The tar we stream: what it holds and how it behaves as a stream. */
public class ContextArchiveTest {
    private static final String DOCKERFILE = "FROM scratch\nCOPY . /ctx/\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private ContextFiles context() throws IOException {
        return ContextFiles.in(tmp.newFolder("ctx").toPath()).file("Dockerfile", DOCKERFILE);
    }

    private static Map<String, ContextTarEntries.Entry> entries(ContextArchive archive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.writeTo(out);
        return ContextTarEntries.read(out.toByteArray());
    }

    private static Map<String, ContextTarEntries.Entry> entries(Path dir) throws IOException {
        return entries(new ContextArchive(dir, null, null));
    }

    @Test
    public void walksTheContextInNameOrder() throws Exception {
        Path dir = context().file("b/z.txt", "z").file("b/a.txt", "a").file("a.txt", "a").file("B", "B").root();
        assertEquals(List.of("B", "Dockerfile", "a.txt", "b", "b/a.txt", "b/z.txt"),
                List.copyOf(entries(dir).keySet()));
    }

    @Test
    public void keepsPermissionBitsOfFilesAndDirectories() throws Exception {
        Path dir = context().file("run.sh", "#!/bin/sh\n").mode("run.sh", "rwxr-x---")
                .file("secret/key", "k").mode("secret/key", "rw-------").mode("secret", "rwx------").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertEquals(0750, entries.get("run.sh").mode());
        assertEquals(0600, entries.get("secret/key").mode());
        assertEquals(0700, entries.get("secret").mode());
        assertEquals('d', entries.get("secret").type());
    }

    @Test
    public void sendsContentAndSizeOfRegularFiles() throws Exception {
        ContextTarEntries.Entry entry = entries(context().file("hello.txt", "hello\n").root()).get("hello.txt");
        assertEquals('f', entry.type());
        assertEquals(6, entry.size());
        assertEquals("hello\n", entry.text());
    }

    @Test
    public void ownsEverythingByRoot() throws Exception {
        for (ContextTarEntries.Entry e : entries(context().file("a/b", "b").root()).values()) {
            assertEquals(0, e.uid());
            assertEquals(0, e.gid());
        }
    }

    @Test
    public void sendsSymlinksAsLinksWithTheirTargets() throws Exception {
        Path dir = context().file("real.txt", "r").symlink("rel", "real.txt").symlink("abs", "/etc/hostname")
                .symlink("dangling", "no/such/file").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertEquals("l 777 0 real.txt", entries.get("rel").shape());
        assertEquals("l 777 0 /etc/hostname", entries.get("abs").shape());
        assertEquals("l 777 0 no/such/file", entries.get("dangling").shape());
    }

    @Test
    public void sendsHardLinksOnceAndThenAsLinks() throws Exception {
        Path dir = context().file("a.bin", "data").hardLink("b.bin", "a.bin").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertEquals('f', entries.get("a.bin").type());
        assertEquals('h', entries.get("b.bin").type());
        assertEquals("a.bin", entries.get("b.bin").link());
    }

    @Test
    public void sendsEmptyDirectories() throws Exception {
        Map<String, ContextTarEntries.Entry> entries = entries(context().dir("empty/nested").root());
        assertEquals('d', entries.get("empty").type());
        assertEquals('d', entries.get("empty/nested").type());
    }

    @Test
    public void keepsNamesWithSpacesAndNonAsciiCharacters() throws Exception {
        Path dir = context().file("with space/file name.txt", "s").file("ünï cödé/日本語.txt", "u").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertTrue(entries.containsKey("with space/file name.txt"));
        assertTrue(entries.containsKey("ünï cödé"));
        assertEquals("u", entries.get("ünï cödé/日本語.txt").text());
    }

    @Test
    public void keepsLongPathsWhetherSplitOrExtended() throws Exception {
        String splittable = "d".repeat(120) + "/" + "f".repeat(90);
        String tooLong = "x".repeat(200) + "/" + "y".repeat(110);
        Path dir = context().file(splittable, "1").file(tooLong, "2").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertEquals("1", entries.get(splittable).text());
        assertEquals("2", entries.get(tooLong).text());
    }

    @Test
    public void leavesOutWhatDockerignoreExcludes() throws Exception {
        Path dir = context().file("keep.txt", "k").file("build/out.o", "o").file("logs/a.log", "l")
                .dockerignore("build", "**/*.log").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertTrue(entries.containsKey("keep.txt"));
        assertTrue(entries.containsKey("logs"));
        assertFalse(entries.containsKey("build"));
        assertFalse(entries.containsKey("logs/a.log"));
    }

    @Test
    public void sendsAFileReincludedUnderAnExcludedDirectoryWithoutTheDirectoryEntry() throws Exception {
        Path dir = context().file("build/keep.txt", "k").file("build/drop.txt", "d")
                .dockerignore("build", "!build/keep.txt").root();
        Map<String, ContextTarEntries.Entry> entries = entries(dir);
        assertTrue(entries.containsKey("build/keep.txt"));
        assertFalse(entries.containsKey("build"));
        assertFalse(entries.containsKey("build/drop.txt"));
    }

    @Test
    public void sendsExactlyThePathsDockerIgnoreDoesNotExclude() throws Exception {
        ContextFiles files = context().file("build/keep.txt", "k").file("build/drop.txt", "d")
                .file("build/sub/a.txt", "a").file("build/deep/x/keep.txt", "k").file("vendor/lib/keep", "k")
                .file("vendor/lib/other", "o").file("logs/.keep", "").file("logs/app.log", "l").file("mix/file", "f")
                .file("src/a.go", "a").file("src/a_test.go", "t");
        String[] rules = {"build", "!build/keep.txt", "!build/sub/*.txt", "vendor/**", "!vendor/lib/keep", "logs/*",
            "!logs/.keep", "!**/keep.txt", "mix/file", "!mix", "**/*_test.go"};
        Path dir = files.dockerignore(rules).root();
        DockerIgnore ignore = DockerIgnore.parse(String.join("\n", rules));
        Map<String, ContextTarEntries.Entry> sent = entries(dir);
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.skip(1)::iterator) {
                String rel = dir.relativize(p).toString();
                if (!rel.equals("Dockerfile") && !rel.equals(".dockerignore")) {
                    assertEquals(rel, !ignore.excludes(rel), sent.containsKey(rel));
                }
            }
        }
    }

    @Test
    public void alwaysSendsTheDockerfileAndDockerignoreEvenWhenExcluded() throws Exception {
        Path dir = context().file("docker/Dockerfile.ci", DOCKERFILE).file("other", "o")
                .dockerignore("*", ".dockerignore", "docker").root();
        ContextArchive archive = new ContextArchive(dir, "docker/Dockerfile.ci", null);
        Map<String, ContextTarEntries.Entry> entries = entries(archive);
        assertEquals("docker/Dockerfile.ci", archive.dockerfileName());
        assertEquals(List.of(".dockerignore", "docker/Dockerfile.ci"), List.copyOf(entries.keySet()));
    }

    @Test
    public void addsADockerfileFromOutsideTheContextUnderAGeneratedName() throws Exception {
        Path outside = tmp.newFolder("elsewhere").toPath().resolve("Build.dockerfile");
        Files.writeString(outside, DOCKERFILE);
        Path dir = ContextFiles.in(tmp.newFolder("only-src").toPath()).file("src.txt", "s").root();
        ContextArchive archive = new ContextArchive(dir, outside.toString(), null);
        Map<String, ContextTarEntries.Entry> entries = entries(archive);
        assertTrue(archive.dockerfileName(), archive.dockerfileName().matches("\\.dockerfile\\.[0-9a-f]{20}"));
        assertEquals(DOCKERFILE, entries.get(archive.dockerfileName()).text());
        // the engine drops what .dockerignore names, so the generated file never lands in the image
        assertEquals(".dockerignore\n" + archive.dockerfileName() + "\n", entries.get(".dockerignore").text());
    }

    @Test
    public void appendsTheGeneratedDockerfileNameToAnExistingDockerignore() throws Exception {
        Path dir = ContextFiles.in(tmp.newFolder("src").toPath()).file("a", "a").dockerignore("*.tmp").root();
        Path outside = tmp.newFolder("df").toPath().resolve("Dockerfile");
        Files.writeString(outside, DOCKERFILE);
        ContextArchive archive = new ContextArchive(dir, "../df/Dockerfile", null);
        assertEquals("*.tmp\n\n" + archive.dockerfileName() + "\n", entries(archive).get(".dockerignore").text());
    }

    @Test
    public void fallsBackToLowerCaseDockerfileLikeTheCli() throws Exception {
        Path dir = ContextFiles.in(tmp.newFolder("lower").toPath()).file("dockerfile", DOCKERFILE).root();
        assertEquals("dockerfile", new ContextArchive(dir, null, null).dockerfileName());
    }

    @Test
    public void countsExactlyTheBytesItWrites() throws Exception {
        ContextArchive archive = new ContextArchive(context().file("a/b.txt", "x".repeat(1000)).root(), null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(out.size(), 0);
        long count = archive.writeTo(out);
        assertEquals(out.size(), count);
        assertEquals(0, count % 512);
    }

    @Test
    public void openStreamsTheSameBytesAsWriteTo() throws Exception {
        ContextArchive archive = new ContextArchive(context().file("big.bin", "y".repeat(700_000)).root(), null, null);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        archive.writeTo(direct);
        byte[] streamed;
        try (InputStream in = archive.open()) {
            streamed = in.readAllBytes();
        }
        assertArrayEquals(direct.toByteArray(), streamed);
    }

    @Test
    public void closingTheOpenStreamEarlyLeavesNoProducerThread() throws Exception {
        Path dir = context().root();
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            big.setLength(256L * 1024 * 1024); // sparse: costs no disk, far more than the pipe holds
        }
        InputStream in = new ContextArchive(dir, null, null).open();
        in.readNBytes(4096);
        in.close();
        assertFalse("producer still running", producerThreadAlive());
    }

    @Test
    public void streamsAContextFarLargerThanItsHeap() throws Exception {
        Path dir = context().root();
        long size = 256L * 1024 * 1024;
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.bin").toFile(), "rw")) {
            big.setLength(size);
        }
        long expected = new ContextArchive(dir, null, null).writeTo(OutputStream.nullOutputStream());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-cp", System.getProperty("java.class.path"), ContextStreamMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(output, 0, p.waitFor());
        assertEquals(Long.toString(expected), output);
        assertTrue(expected > size);
    }

    @Test
    public void stopsWritingWhenTheThreadIsInterrupted() throws Exception {
        ContextArchive archive = new ContextArchive(context().file("f", "f").root(), null, null);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> archive.writeTo(OutputStream.nullOutputStream()));
            assertTrue("interrupt flag kept", Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void reportsAMissingContextDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContextArchive(Path.of("/no/such/context"), null, null));
        assertEquals("context directory not found: /no/such/context", e.getMessage());
    }

    @Test
    public void reportsAMissingDockerfile() throws Exception {
        Path dir = tmp.newFolder("nodockerfile").toPath();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContextArchive(dir, "Containerfile", null));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Dockerfile not found: "));
        assertTrue(e.getMessage(), e.getMessage().endsWith("Containerfile"));
    }

    @Test
    public void namesTheFileItCannotRead() throws Exception {
        Path dir = context().file("locked.txt", "l").root();
        Files.setPosixFilePermissions(dir.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
        String message;
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads every file whatever its mode: archive as nobody, in a child JVM
            ArchiveAsNobody.Result child = ArchiveAsNobody.run(dir, tmp.getRoot().toPath());
            assertEquals(child.output(), ArchiveAsNobody.IO_FAILURE, child.exitCode());
            message = child.output();
        } else {
            message = assertThrows(IOException.class,
                    () -> new ContextArchive(dir, null, null).writeTo(OutputStream.nullOutputStream())).getMessage();
        }
        assertTrue(message, message.contains("locked.txt"));
    }

    @Test
    public void reportsAProducerFailureToTheReaderOfTheOpenStream() throws Exception {
        Path outside = tmp.newFolder("gone").toPath().resolve("Dockerfile");
        Files.writeString(outside, DOCKERFILE);
        ContextArchive archive = new ContextArchive(context().root(), outside.toString(), null);
        Files.delete(outside);
        try (InputStream in = archive.open()) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage(), e.getMessage().contains(outside.toString()));
        }
    }

    @Test
    public void sendsAFifoAsAHeaderWithoutReadingIt() throws Exception {
        Path dir = context().root();
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("a-fifo").toString()).start().waitFor());
        assertEquals('p', entries(dir).get("a-fifo").type());
    }

    private static boolean producerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("context-archive") && t.isAlive());
    }
}
