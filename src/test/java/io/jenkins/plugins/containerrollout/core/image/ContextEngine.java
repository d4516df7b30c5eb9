package io.jenkins.plugins.containerrollout.core.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the same context twice on the test engine, with the docker CLI (the reference) and with our
 * {@link ContextArchive} through docker-java, and reads back what each image holds.
 *
 * <p>Usage: {@code ContextEngine.Build cli = ContextEngine.buildWithCli(dir, null, tag);}
 */
final class ContextEngine {
    private static final Pattern SENT = Pattern.compile("Sending build context to Docker daemon\\s+([0-9.]+)([kMGTPEZY]?B)");
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private ContextEngine() {
    }

    /** An image built from a context, and the context size as the CLI prints it ({@code 3.072kB}). */
    record Build(String image, String contextSize) {
    }

    /** A docker-java client for the test bed's engine, configured here and nowhere else (no properties files). */
    static DockerClient client() {
        URI host = URI.create(TestBed.host().uri());
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(host.toString())
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** {@code DOCKER_BUILDKIT=0 docker build --no-cache -t tag [-f dockerfile] .} in {@code dir}. */
    static Build buildWithCli(Path dir, String dockerfile, String tag) {
        List<String> command = new ArrayList<>(List.of("docker", "build", "--no-cache", "-t", tag));
        if (dockerfile != null) {
            command.addAll(List.of("-f", dockerfile));
        }
        command.add(".");
        TestBed.Result result = TestBed.run(command, dir);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker build failed:\n" + result.output());
        }
        Matcher m = SENT.matcher(result.output());
        if (!m.find()) {
            throw new AssertionError("no context size in CLI output:\n" + result.output());
        }
        return new Build(tag, m.group(1) + m.group(2));
    }

    /** Posts our archive to the engine and returns the image with the number of bytes the engine read. */
    static Build buildWithArchive(DockerClient docker, ContextArchive archive, String tag) throws IOException {
        try (CountingInput in = new CountingInput(archive.open())) {
            String id = docker.buildImageCmd(in)
                    .withDockerfilePath(archive.dockerfileName())
                    .withTags(Set.of(tag))
                    .withNoCache(true)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId(2, TimeUnit.MINUTES);
            if (id == null) {
                throw new AssertionError("no image id for " + tag);
            }
            return new Build(tag, humanSize(in.count));
        }
    }

    /** The files of {@code image} (from a created, never started container), keyed by path. */
    static Map<String, ContextTarEntries.Entry> exportTree(String image) throws IOException {
        String container = TestBed.unique("ctx-export");
        Path tar = Files.createTempFile("ctx-export", ".tar");
        try {
            // scratch images have no command; create only needs one named
            TestBed.docker("create", "--name", container, image, "/none");
            TestBed.docker("export", "-o", tar.toString(), container);
            try (InputStream in = Files.newInputStream(tar)) {
                return ContextTarEntries.read(in);
            }
        } finally {
            TestBed.dockerResult("rm", "-f", container);
            Files.deleteIfExists(tar);
        }
    }

    static void removeImages(String... images) {
        for (String image : images) {
            TestBed.dockerResult("rmi", "-f", image);
        }
    }

    /** The CLI's progress size: decimal units, four significant digits (Go's {@code units.HumanSize}). */
    static String humanSize(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros();
        return rounded.toPlainString() + UNITS[unit];
    }

    /** Parses {@link #humanSize(long)} back to bytes, at the upper end of its rounding. */
    static double upperBytes(String human) {
        Matcher m = Pattern.compile("([0-9.]+)(\\D+)").matcher(human);
        if (!m.matches()) {
            throw new IllegalArgumentException(human);
        }
        BigDecimal value = new BigDecimal(m.group(1));
        int unit = List.of(UNITS).indexOf(m.group(2));
        BigDecimal halfUlp = BigDecimal.ONE.movePointLeft(Math.max(0, value.scale())).divide(BigDecimal.valueOf(2));
        return value.add(halfUlp).doubleValue() * Math.pow(1000, unit);
    }

    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
