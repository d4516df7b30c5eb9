package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.build.BuildResult;
import io.jenkins.plugins.containerrollout.core.build.GitMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A result is one line of JSON, with times as RFC 3339 text. */
public class JsonOutputTest {
    @Test
    public void writesABuildResultWithItsCommitOnOneLine() throws Exception {
        BuildResult result = new BuildResult("sha256:1", List.of("a:1"), Map.of("a:1", "sha256:2"), Map.of("k", "v"), 10, 20,
                new GitMetadata("abc", "https://h/r.git", Instant.parse("2026-01-02T03:04:05Z")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonOutput.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("{\"imageId\":\"sha256:1\",\"tags\":[\"a:1\"],\"digests\":{\"a:1\":\"sha256:2\"},\"labels\":{\"k\":\"v\"},"
                + "\"contextBytes\":10,\"durationMillis\":20,\"git\":{\"commit\":\"abc\",\"remoteUrl\":\"https://h/r.git\","
                + "\"commitTime\":\"2026-01-02T03:04:05Z\"}}\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
