package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A build context streamed as the uncompressed tar {@code DOCKER_BUILDKIT=0 docker build} sends: the context
 * directory walked in name order, {@code .dockerignore} applied, files, directories (empty ones too), symlinks (as
 * links), hard links, FIFOs and devices with their permission bits, owned by 0:0. The Dockerfile and
 * {@code .dockerignore} are always sent even when excluded (the engine drops them from the image again); a Dockerfile
 * outside the context is added under a generated {@code .dockerfile.<random>} name, listed in the sent
 * {@code .dockerignore} so it stays out of the image. Headers are chosen as Go's tar writer chooses them, so for a
 * Dockerfile inside the context the bytes equal the CLI's; with an outside Dockerfile the CLI's stream stops short of
 * the last entry's padding and the end-of-archive blocks, while ours stays a complete tar. Memory use is a few
 * fixed-size buffers, whatever the size of the context.
 *
 * <p>Usage: {@code new ContextArchive(dir, null, DockerIgnore.read(dir)).writeTo(out)}, then build with
 * {@code dockerfile = archive.dockerfileName()}.
 */
public final class ContextArchive {
    private static final String DEFAULT_DOCKERFILE = "Dockerfile";
    private static final String DOCKERIGNORE = ".dockerignore";
    private static final int PIPE_BYTES = 256 * 1024;
    private static final long PRODUCER_STOP_SECONDS = 10;

    private final Path context;
    private final Path dockerfile;
    private final String dockerfileName;
    private final boolean dockerfileOutside;
    private final DockerIgnore ignore;

    /**
     * @param contextDir the context directory
     * @param dockerfile null for {@code Dockerfile} (or {@code dockerfile}, as the CLI falls back); else relative to
     *                   the context or absolute, possibly outside the context
     * @param ignore     the rules to apply; null reads {@code contextDir/.dockerignore}
     * @throws IllegalArgumentException when the context directory or the Dockerfile does not exist, or
     *                                  {@code .dockerignore} is malformed
     */
    public ContextArchive(Path contextDir, String dockerfile, DockerIgnore ignore) {
        if (contextDir == null || !Files.isDirectory(contextDir)) {
            throw new RequestException("context directory not found: " + contextDir);
        }
        try {
            this.context = contextDir.toRealPath();
            Path given = locateDockerfile(context, dockerfile);
            if (!Files.isRegularFile(given)) {
                throw new RequestException("Dockerfile not found: " + given);
            }
            this.dockerfile = given.toRealPath();
            String rel = relative(context, this.dockerfile);
            this.dockerfileOutside = rel == null;
            this.dockerfileName = dockerfileOutside ? ".dockerfile." + randomHex(10) : rel;
            DockerIgnore rules = ignore != null ? ignore : DockerIgnore.read(context);
            rules = rules.keeping(DOCKERIGNORE);
            this.ignore = dockerfileOutside ? rules : rules.keeping(rel);
        } catch (IOException e) {
            throw new RequestException("cannot read build context " + contextDir + ": " + e, e);
        }
    }

    /** The Dockerfile's name inside the tar: what to pass to the engine as {@code dockerfile}. */
    public String dockerfileName() {
        return dockerfileName;
    }

    /**
     * Writes the whole tar to {@code out} (which stays open) and returns the number of bytes written.
     *
     * @throws InterruptedIOException when the calling thread is interrupted; the interrupt flag stays set
     * @throws IOException            naming the file that could not be read
     */
    public long writeTo(OutputStream out) throws IOException {
        CountingStream counted = new CountingStream(out);
        BufferedOutputStream buffered = new BufferedOutputStream(counted, 64 * 1024);
        new Walk(new TarEntryWriter(buffered)).run();
        buffered.flush();
        return counted.count;
    }

    /**
     * The tar as a stream, produced on a background thread through a bounded pipe. Read it to the end or close it:
     * closing early stops the producer and waits for it, so no thread is left behind. A failure while producing
     * (an unreadable file) surfaces as an {@link IOException} from {@code read}.
     */
    public InputStream open() {
        BoundedPipe pipe = new BoundedPipe(PIPE_BYTES);
        Thread producer = new Thread(() -> {
            try {
                writeTo(pipe.sink());
                pipe.finish(null);
            } catch (IOException | RuntimeException | Error e) {
                pipe.finish(e);
            }
        }, "context-archive " + context.getFileName());
        producer.setDaemon(true);
        InputStream in = pipe.source(() -> stop(producer));
        producer.start();
        return in;
    }

    private static void stop(Thread producer) {
        if (!producer.isAlive()) {
            return;
        }
        producer.interrupt();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(PRODUCER_STOP_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path locateDockerfile(Path context, String dockerfile) {
        if (dockerfile == null || dockerfile.isBlank()) {
            Path standard = context.resolve(DEFAULT_DOCKERFILE);
            Path lower = context.resolve(DEFAULT_DOCKERFILE.toLowerCase());
            return Files.exists(standard, LinkOption.NOFOLLOW_LINKS) || !Files.exists(lower) ? standard : lower;
        }
        Path given = Path.of(dockerfile);
        return given.isAbsolute() ? given : context.resolve(given);
    }

    /** The '/'-separated path of {@code file} inside {@code root}, or null when it lies outside. */
    private static String relative(Path root, Path file) {
        if (!file.startsWith(root) || file.equals(root)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One pass over the context; hard links are remembered per pass, as the CLI does per archive. */
    private final class Walk {
        private final TarEntryWriter tar;
        private final Map<Object, String> firstNameOfInode = new HashMap<>();
        private final Set<String> sent = new HashSet<>();

        Walk(TarEntryWriter tar) {
            this.tar = tar;
        }

        void run() throws IOException {
            walk(context, "", null);
            if (!dockerfileOutside && !sent.contains(dockerfileName)) {
                add(dockerfile, dockerfileName, FileFacts.of(dockerfile));
            }
            Path dockerignore = context.resolve(DOCKERIGNORE);
            if (dockerfileOutside) {
                addOutsideDockerfile();
            }
            if (!sent.contains(DOCKERIGNORE)) {
                if (dockerfileOutside) {
                    byte[] rules = (DOCKERIGNORE + "\n" + dockerfileName + "\n").getBytes(StandardCharsets.UTF_8);
                    tar.write(TarEntryWriter.Header.of(DOCKERIGNORE, TarEntryWriter.REGULAR, 0600, rules.length,
                            nowSeconds()), new ByteArrayInputStream(rules), DOCKERIGNORE);
                } else if (Files.exists(dockerignore, LinkOption.NOFOLLOW_LINKS)) {
                    add(dockerignore, DOCKERIGNORE, FileFacts.of(dockerignore));
                }
            }
            tar.finish();
        }

        private void walk(Path dir, String rel, DockerIgnore.Verdict parent) throws IOException {
            for (String name : sortedNames(dir, rel)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while sending the build context");
                }
                Path file = dir.resolve(name);
                String path = rel.isEmpty() ? name : rel + "/" + name;
                FileFacts facts;
                try {
                    facts = FileFacts.of(file);
                } catch (NoSuchFileException vanished) {
                    continue; // removed since the directory was listed; the CLI skips it too
                }
                DockerIgnore.Verdict verdict = ignore.verdict(path, parent);
                if (verdict.excluded()) {
                    if (facts.isDirectory() && ignore.mayReincludeUnder(path)) {
                        walk(file, path, verdict);
                    }
                    continue;
                }
                add(file, path, facts);
                if (facts.isDirectory()) {
                    walk(file, path, verdict);
                }
            }
        }

        /** Directory entries in the byte order of their UTF-8 names, as Go's walk visits them. */
        private List<String> sortedNames(Path dir, String rel) throws IOException {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw unreadable("directory", rel.isEmpty() ? "." : rel, e);
            }
            names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            return names;
        }

        private void add(Path file, String path, FileFacts facts) throws IOException {
            sent.add(path);
            byte type = facts.tarType();
            if (type == 0) {
                return; // sockets cannot be archived; the CLI skips them too
            }
            long mtime = facts.mtime();
            if (type == TarEntryWriter.DIRECTORY) {
                tar.write(TarEntryWriter.Header.of(path + "/", type, facts.permissions(), 0, mtime), null, path);
                return;
            }
            if (facts.linkCount() > 1 && facts.inode() != null) {
                String first = firstNameOfInode.putIfAbsent(facts.inode(), path);
                if (first != null) {
                    tar.write(new TarEntryWriter.Header(path, TarEntryWriter.HARD_LINK, facts.permissions(), 0, mtime,
                            first, 0, 0), null, path);
                    return;
                }
            }
            switch (type) {
                case TarEntryWriter.SYMLINK:
                    tar.write(new TarEntryWriter.Header(path, type, facts.permissions(), 0, mtime,
                            Files.readSymbolicLink(file).toString(), 0, 0), null, path);
                    return;
                case TarEntryWriter.REGULAR:
                    if (dockerfileOutside && path.equals(DOCKERIGNORE)) {
                        addDockerignoreNamingOutsideDockerfile(file, facts);
                        return;
                    }
                    try (InputStream in = open(file, path)) {
                        tar.write(TarEntryWriter.Header.of(path, type, facts.permissions(), facts.size(), mtime), in,
                                path);
                    }
                    return;
                default:
                    tar.write(new TarEntryWriter.Header(path, type, facts.permissions(), 0, mtime, "",
                            facts.devMajor(), facts.devMinor()), null, path);
            }
        }

        /** The CLI appends the generated Dockerfile name to the sent {@code .dockerignore}, keeping it out of the image. */
        private void addDockerignoreNamingOutsideDockerfile(Path file, FileFacts facts) throws IOException {
            byte[] original;
            try {
                original = Files.readAllBytes(file);
            } catch (IOException e) {
                throw unreadable("file", DOCKERIGNORE, e);
            }
            byte[] suffix = ("\n" + dockerfileName + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] rules = Arrays.copyOf(original, original.length + suffix.length);
            System.arraycopy(suffix, 0, rules, original.length, suffix.length);
            tar.write(TarEntryWriter.Header.of(DOCKERIGNORE, TarEntryWriter.REGULAR, facts.permissions(), rules.length,
                    facts.mtime()), new ByteArrayInputStream(rules), DOCKERIGNORE);
        }

        private void addOutsideDockerfile() throws IOException {
            long size = Files.size(dockerfile);
            try (InputStream in = open(dockerfile, dockerfile.toString())) {
                tar.write(TarEntryWriter.Header.of(dockerfileName, TarEntryWriter.REGULAR, 0600, size, nowSeconds()),
                        in, dockerfile.toString());
            }
        }

        private InputStream open(Path file, String what) throws IOException {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw unreadable("file", what, e);
            }
        }

        private IOException unreadable(String kind, String what, IOException cause) {
            String reason = cause instanceof AccessDeniedException ? "permission denied"
                    : cause instanceof NoSuchFileException ? "no such file" : cause.toString();
            return new IOException("cannot read build context " + kind + " " + what + ": " + reason, cause);
        }

        private long nowSeconds() {
            return System.currentTimeMillis() / 1000;
        }
    }

    /** Counts what reaches the caller's stream, and leaves that stream open. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
