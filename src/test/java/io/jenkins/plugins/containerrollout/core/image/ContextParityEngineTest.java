package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The reference check: each tricky context is built twice on the real engine, by {@code DOCKER_BUILDKIT=0 docker
 * build} and by posting our {@link ContextArchive}; both images must hold the same tree under {@code /ctx} (paths,
 * types, modes, sizes, link targets), and our context must not be larger than the CLI's. Where the Dockerfile lies
 * inside the context, the tar itself must equal, byte for byte, what the CLI posts (captured by a fake engine).
 */
public class ContextParityEngineTest {
    private static final String DOCKERFILE = "FROM scratch\nCOPY . /ctx/\n";
    private static DockerClient docker;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void connect() {
        docker = ContextEngine.client();
    }

    @AfterClass
    public static void disconnect() throws Exception {
        docker.close();
    }

    private ContextFiles context() throws Exception {
        return ContextFiles.in(tmp.newFolder().toPath()).file("Dockerfile", DOCKERFILE);
    }

    private Map<String, String> assertSameImage(Path dir, String dockerfile) throws Exception {
        return assertSameImage(dir, dockerfile, false);
    }

    /** Builds both ways and compares; returns the tree under /ctx for further checks. */
    private Map<String, String> assertSameImage(Path dir, String dockerfile, boolean cliOmitsTarTrailer)
            throws Exception {
        String cliTag = TestBed.unique("ctx-cli");
        String ourTag = TestBed.unique("ctx-ours");
        try {
            ContextEngine.Build cli = ContextEngine.buildWithCli(dir, dockerfile, cliTag);
            ContextEngine.Build ours = ContextEngine.buildWithArchive(docker,
                    new ContextArchive(dir, dockerfile, null), ourTag);
            Map<String, String> expected = ContextTarEntries.shapesUnder(ContextEngine.exportTree(cliTag), "ctx");
            Map<String, String> actual = ContextTarEntries.shapesUnder(ContextEngine.exportTree(ourTag), "ctx");
            assertEquals(String.join("\n", expected.toString().split(", ")),
                    String.join("\n", actual.toString().split(", ")));
            if (cliOmitsTarTrailer) {
                // The CLI closes its pipe before its tar writer when it appends an outside Dockerfile, so its
                // stream lacks the last entry's padding and the two end blocks; ours stays a complete tar.
                double extra = ContextEngine.upperBytes(ours.contextSize()) - ContextEngine.upperBytes(cli.contextSize());
                assertTrue("ours " + ours.contextSize() + " vs CLI " + cli.contextSize(), extra >= 1024 && extra < 1536);
            } else {
                assertTrue("our context " + ours.contextSize() + " exceeds the CLI's " + cli.contextSize(),
                        ContextEngine.upperBytes(ours.contextSize()) <= ContextEngine.upperBytes(cli.contextSize()));
                assertEquals("context size as the CLI prints it", cli.contextSize(), ours.contextSize());
            }
            return actual;
        } finally {
            ContextEngine.removeImages(cliTag, ourTag);
        }
    }

    @Test
    public void nestedDoubleStarPatternsAndCommentsMatchTheCli() throws Exception {
        Path dir = context()
                .file("a/b/c/x.log", "x").file("a/keep.log", "k").file("a/b/notes.txt", "n")
                .file("src/main.go", "m").file("src/main_test.go", "t").file("src/pkg/util_test.go", "u")
                .file("docs/readme.md", "r").file("node_modules/m/index.js", "i").file(".git/HEAD", "h")
                .file("#literal", "l").file("# comment line", "c").file("barfoo", "b").file("x/zfoo", "z")
                .dockerignore("# comment line", "**/*.log", "!a/keep.log", "node_modules", "**/*_test.go",
                        "  docs/  ", ".git", " #literal", "**foo")
                .root();
        Map<String, String> tree = assertSameImage(dir, null);
        assertTrue(tree.containsKey("a/keep.log"));
        assertTrue(tree.containsKey("# comment line"));
    }

    @Test
    public void exceptionsInsideExcludedDirectoriesMatchTheCli() throws Exception {
        Map<String, String> tree = assertSameImage(exceptionsInsideExcludedDirectories(), null);
        assertTrue(tree.containsKey("build/keep.txt"));
        assertTrue(!tree.containsKey("build/deep/x/keep.txt"));
    }

    private Path exceptionsInsideExcludedDirectories() throws Exception {
        return context()
                .file("build/keep.txt", "k").file("build/drop.txt", "d").file("build/sub/a.txt", "a")
                .file("build/sub/b.bin", "b").file("build/deep/x/keep.txt", "k")
                .file("vendor/lib/keep", "k").file("vendor/lib/other", "o")
                .file("logs/.keep", "").file("logs/app.log", "l")
                .file("cache/kept", "c").file("out/keep.txt", "o").file("mix/file", "f")
                .dockerignore("build", "!build/keep.txt", "!build/sub/*.txt", "vendor/**", "!vendor/lib/keep",
                        "logs/*", "!logs/.keep", "cache", "!*/kept", "out", "!**/keep.txt", "mix/file", "!mix")
                .root();
    }

    @Test
    public void leadingSlashAndDotDotPatternsMatchTheCli() throws Exception {
        Path dir = context()
                .file("root.txt", "r").file("sub/root.txt", "s").file("dot/x", "x").file("dot/y", "y")
                .file("b/file", "b").file("c/d/e", "e").file("up.txt", "u").file("keep/x", "k")
                .dockerignore("/root.txt", "./dot/x", "a/../b", "c/./d/", "../up.txt", "/keep/../keep/x/")
                .root();
        assertSameImage(dir, null);
    }

    @Test
    public void namesTypesAndModesMatchTheCli() throws Exception {
        assertSameImage(namesTypesAndModes(), null);
    }

    private Path namesTypesAndModes() throws Exception {
        return context()
                .file("with space/file name.txt", "s").file("ünï cödé/日本語.txt", "u")
                .file("d".repeat(120) + "/" + "f".repeat(90), "split")
                .file("x".repeat(150) + "/" + "y".repeat(120) + "/" + "z".repeat(10), "pax")
                .file("n".repeat(100), "exactly one hundred")
                .dir("empty/nested")
                .file("run.sh", "#!/bin/sh\n").mode("run.sh", "rwxr-x---")
                .file("secret/key", "k").mode("secret/key", "rw-------").mode("secret", "rwx------")
                .file("ro.txt", "r").mode("ro.txt", "r--r--r--")
                .file("empty.txt", "")
                .symlink("rel", "run.sh").symlink("abs", "/etc/hostname").symlink("dangling", "no/such")
                .symlink("dirlink", "secret").symlink("longlink", "t".repeat(130))
                .file("hard/a", "same").hardLink("hard/b", "hard/a")
                .root();
    }

    @Test
    public void dockerfileInAnExcludedDirectoryMatchesTheCli() throws Exception {
        Map<String, String> tree = assertSameImage(dockerfileInAnExcludedDirectory(), "docker/Dockerfile.ci");
        assertTrue(tree.containsKey("app.txt"));
    }

    @Test
    public void dockerfileExcludedByAWildcardMatchesTheCli() throws Exception {
        Path dir = context().file("app.txt", "a").file("other.txt", "o").dockerignore("*", "!app.txt").root();
        assertSameImage(dir, null);
    }

    @Test
    public void dockerfileOutsideTheContextMatchesTheCli() throws Exception {
        Path outside = tmp.newFolder("dockerfiles").toPath().resolve("app.Dockerfile");
        Files.writeString(outside, DOCKERFILE);
        Path dir = ContextFiles.in(tmp.newFolder("src").toPath()).file("a.txt", "a").file("b.tmp", "b")
                .dockerignore("*.tmp").root();
        Map<String, String> tree = assertSameImage(dir, outside.toString(), true);
        assertTrue(tree.containsKey(".dockerignore"));
    }

    @Test
    public void dockerfileOutsideAContextWithoutDockerignoreMatchesTheCli() throws Exception {
        Path outside = tmp.newFolder("df").toPath().resolve("Dockerfile");
        Files.writeString(outside, DOCKERFILE);
        Path dir = ContextFiles.in(tmp.newFolder("plain").toPath()).file("a.txt", "a").root();
        assertSameImage(dir, outside.toString(), true);
    }

    @Test
    public void characterClassesEscapesAndRegexQuirksMatchTheCli() throws Exception {
        assertSameImage(characterClassesEscapesAndRegexQuirks(), null);
    }

    private Path characterClassesEscapesAndRegexQuirks() throws Exception {
        return context()
                .file("a.txt", "").file("b.txt", "").file("d.txt", "").file("x.md", "").file("a.md", "")
                .file("file*.txt", "").file("fileX.txt", "").file("q?", "").file("qq", "").file("[x]", "")
                .file("foo1", "").file("^foo1", "").file("^bar", "").file("a.bc", "").file("aXbc", "")
                .file("d1", "").file("dd", "")
                .dockerignore("[a-c].txt", "[^a].md", "file\\*.txt", "q\\?", "\\[x]", "^foo*", "^bar", "a.b*",
                        "d\\d")
                .root();
    }

    @Test
    public void wildcardExclusionWithDirectoryExceptionMatchesTheCli() throws Exception {
        Path dir = context().file("src/a.go", "a").file("src/sub/b.go", "b").file("README", "r")
                .file("hard/first", "h").hardLink("hard/second", "hard/first")
                .dockerignore("*", "!src", "!hard", "hard/first").root();
        Map<String, String> tree = assertSameImage(dir, null);
        assertTrue(tree.containsKey("src/sub/b.go"));
        assertTrue(tree.containsKey("hard/second"));
    }

    @Test
    public void symlinkedDockerfileAndALargeContextMatchTheCli() throws Exception {
        Path dir = symlinkedDockerfileAndALargeContext();
        assertEquals("docker/prod.Dockerfile", new ContextArchive(dir, null, null).dockerfileName());
        assertSameImage(dir, null);
    }

    private Path symlinkedDockerfileAndALargeContext() throws Exception {
        ContextFiles files = context().file("docker/prod.Dockerfile", DOCKERFILE).file("big.bin", "b".repeat(2_500_000));
        for (int i = 0; i < 300; i++) {
            files.file("many/f" + i + ".txt", "file " + i);
        }
        Files.delete(files.root().resolve("Dockerfile"));
        files.symlink("Dockerfile", "docker/prod.Dockerfile");
        return files.root();
    }

    @Test
    public void keepingTheDockerfileAlsoOpensItsExcludedDirectoryToOtherExceptionsLikeTheCli() throws Exception {
        // the CLI adds "!docker/Dockerfile", so docker/ is walked and "!**/keep" then reaches docker/keep
        Path dir = context().file("docker/Dockerfile", DOCKERFILE).file("docker/keep", "k").file("docker/drop", "d")
                .file("other/keep", "k").dockerignore("docker", "other", "!**/keep").root();
        Map<String, String> tree = assertSameImage(dir, "docker/Dockerfile");
        assertTrue(tree.containsKey("docker/keep"));
        assertTrue(!tree.containsKey("other/keep"));
    }

    private Path dockerfileInAnExcludedDirectory() throws Exception {
        return context()
                .file("docker/Dockerfile.ci", DOCKERFILE).file("docker/other", "o").file("app.txt", "a")
                .dockerignore("docker", "Dockerfile", ".dockerignore")
                .root();
    }

    @Test
    public void sendsTheCliBytesForNamesTypesAndModes() throws Exception {
        assertSameBytes(namesTypesAndModes(), null);
    }

    @Test
    public void sendsTheCliBytesForExceptionsInsideExcludedDirectories() throws Exception {
        assertSameBytes(exceptionsInsideExcludedDirectories(), null);
    }

    @Test
    public void sendsTheCliBytesAndDockerfileNameForAnExcludedDockerfile() throws Exception {
        assertSameBytes(dockerfileInAnExcludedDirectory(), "docker/Dockerfile.ci");
    }

    @Test
    public void sendsTheCliBytesForASymlinkedDockerfileAndALargeContext() throws Exception {
        assertSameBytes(symlinkedDockerfileAndALargeContext(), null);
    }

    @Test
    public void sendsTheCliBytesForCharacterClassesEscapesAndRegexQuirks() throws Exception {
        assertSameBytes(characterClassesEscapesAndRegexQuirks(), null);
    }

    @Test
    public void sendsTheCliEntriesForADockerfileOutsideTheContext() throws Exception {
        Path outside = tmp.newFolder("outside").toPath().resolve("app.Dockerfile");
        Files.writeString(outside, DOCKERFILE);
        Path dir = ContextFiles.in(tmp.newFolder("with-ignore").toPath()).file("a.txt", "a").file("b.tmp", "b")
                .dir("empty").dockerignore("*.tmp").root();
        ContextCliCapture.Sent cli = ContextCliCapture.capture(dir, outside.toString());
        ContextArchive archive = new ContextArchive(dir, outside.toString(), null);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        archive.writeTo(ours);
        // same entries in the same order; only the generated name differs, and the CLI leaves off the tar trailer
        // commons-compress (rightly) calls the CLI's stream a truncated tar; complete it before reading
        byte[] completed = Arrays.copyOf(cli.tar(), (cli.tar().length + 511) / 512 * 512 + 1024);
        assertEquals(entryList(ContextTarEntries.read(completed), cli.dockerfile()),
                entryList(ContextTarEntries.read(ours.toByteArray()), archive.dockerfileName()));
        assertTrue(cli.dockerfile().matches("\\.dockerfile\\.[0-9a-f]{20}"));
    }

    private static String entryList(Map<String, ContextTarEntries.Entry> entries, String generatedName) {
        StringBuilder sb = new StringBuilder();
        entries.forEach((name, e) -> sb.append(name.equals(generatedName) ? "<generated>" : name).append(' ')
                .append(e.shape()).append(' ').append(e.uid()).append(':').append(e.gid()).append(' ')
                .append(e.text() == null ? "" : e.text().replace(generatedName, "<generated>")).append('\n'));
        return sb.toString();
    }

    /** Byte for byte what the CLI posts (captured by a fake engine), and the same {@code dockerfile} parameter. */
    private static void assertSameBytes(Path dir, String dockerfile) throws Exception {
        ContextCliCapture.Sent cli = ContextCliCapture.capture(dir, dockerfile);
        ContextArchive archive = new ContextArchive(dir, dockerfile, null);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        archive.writeTo(ours);
        assertEquals(cli.dockerfile(), archive.dockerfileName());
        assertTrue("the CLI sent a context", cli.tar().length > 1024);
        int at = Arrays.mismatch(cli.tar(), ours.toByteArray());
        if (at >= 0) {
            int block = at / 512 * 512;
            throw new AssertionError("first difference at byte " + at + " (block at " + block + "): CLI "
                    + printable(cli.tar(), block) + " / ours " + printable(ours.toByteArray(), block)
                    + "; sizes " + cli.tar().length + " / " + ours.size());
        }
    }

    private static String printable(byte[] tar, int from) {
        if (from >= tar.length) {
            return "<end>";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(tar.length, from + 512); i++) {
            char c = (char) (tar[i] & 0xff);
            sb.append(c >= 32 && c < 127 ? c : '.');
        }
        return sb.toString();
    }
}
