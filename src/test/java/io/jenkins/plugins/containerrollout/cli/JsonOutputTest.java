package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.router.RouterSettings;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.GitMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A result is one line of JSON, with times as RFC 3339 text; a status names the app's router ({@code router}). */
public class JsonOutputTest {
    @Test
    public void writesABuildResultWithItsCommitOnOneLine() throws Exception {
        BuildResult result = new BuildResult("sha256:1", List.of("a:1"), Map.of("a:1", "sha256:2"), Map.of("k", "v"), 10, 20,
                new GitMetadata("abc", "https://h/r.git", Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("{\"imageId\":\"sha256:1\",\"tags\":[\"a:1\"],\"digests\":{\"a:1\":\"sha256:2\"},\"labels\":{\"k\":\"v\"},"
                + "\"contextBytes\":10,\"durationMillis\":20,\"git\":{\"commit\":\"abc\",\"remoteUrl\":\"https://h/r.git\","
                + "\"commitTime\":\"2026-01-02T03:04:05Z\"}}\n", json(result));
    }

    @Test
    public void writesAStatusWithTheRouterRecordedWithTheAppOrNull() throws Exception {
        String router = RouterSettings.haproxy("/run/haproxy/admin.sock", "web", 8080).describe();
        String withRouter = json(new AppStatus("web", AppPhase.COMPLETE, 1, 1, 1, 1, List.of(21000), List.of(), null, router));
        String without = json(new AppStatus("web", AppPhase.COMPLETE, 1, 1, 1, 1, List.of(21000), List.of(), null, null));
        assertEquals("{\"app\":\"web\",\"phase\":\"COMPLETE\",\"stableRevision\":1,\"targetRevision\":1,"
                + "\"desiredReplicas\":1,\"readyReplicas\":1,\"servingPorts\":[21000],\"replicas\":[],\"lockOwner\":null,"
                + "\"router\":\"haproxy at /run/haproxy/admin.sock (backend web, frontend 127.0.0.1:8080)\",\"pause\":null}\n",
                withRouter);
        assertTrue(without, without.endsWith(",\"lockOwner\":null,\"router\":null,\"pause\":null}\n"));
    }

    @Test
    public void aPausedStatusSaysWhereItHoldsAndForHowLong() throws Exception {
        long tenSecondsAgo = System.currentTimeMillis() - 10_500;
        PauseInfo pause = new PauseInfo("canary", 1, 2, 10, 3, 2, tenSecondsAgo, null, "https://ci/job/web/7/");
        String paused = json(new AppStatus("web", AppPhase.PAUSED, 2, 3, 2, 3, List.of(21000, 21002), List.of(), null,
                null, pause));
        assertTrue(paused, paused.contains(",\"pause\":{\"strategy\":\"canary\",\"step\":1,\"steps\":2,\"weight\":10,"
                + "\"revision\":3,\"stableRevision\":2,\"pausedAtMillis\":" + tenSecondsAgo + ",\"previewUrl\":null,"
                + "\"startedBy\":\"https://ci/job/web/7/\",\"pausedSeconds\":10,\"pausedFor\":\"10 s\"}}"));
    }

    /**
     * A status and a build are written by {@link RecordJson} (a fresh JVM need not build the mapper); it writes what
     * the mapper writes, replicas, pause, router, lock owner and Git metadata included (a pause an hour ahead: 0 s on
     * both sides).
     */
    @Test
    public void aStatusAndABuildAreWrittenAsTheMapperWritesThem() throws Exception {
        PauseInfo pause = new PauseInfo("blueGreen", 0, 0, 0, 4, 3, System.currentTimeMillis() + 3_600_000,
                "http://127.0.0.1:8081/", null);
        List<AppStatus.Replica> replicas = List.of(new AppStatus.Replica("web.r3.s0", 3, 0, 21000, true, true, "200"),
                new AppStatus.Replica("web.r4.s1", 4, 1, 21001, false, false, "stopped (kept) \"quoted\" \u00e9\n"));
        for (AppStatus status : List.of(
                new AppStatus("web", AppPhase.PAUSED, 3, 4, 2, 1, List.of(21000), replicas, "build 7 on agent-1 (pid 42)",
                        RouterSettings.haproxy("/run/haproxy/admin.sock", "web", 8080).describe(), pause),
                new AppStatus("web", AppPhase.NONE, 0, 0, 0, 0, List.of(), List.of(), null, null))) {
            assertEquals(JsonOutput.mapped(status), RecordJson.write(status));
        }
        for (BuildResult build : List.of(new BuildResult("sha256:1", List.of("a:1", "b:2"), Map.of("a:1", "sha256:2"),
                Map.of("k", "v", "org.opencontainers.image.created", "2026-01-02T03:04:05Z"), 10, 20,
                new GitMetadata("abc", null, Instant.parse("2026-01-02T03:04:05Z"))),
                new BuildResult("sha256:1", List.of("a:1"), Map.of(), Map.of(), 0, 0))) {
            assertEquals(JsonOutput.mapped(build), RecordJson.write(build));
        }
    }

    private static String json(Object result) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonOutput.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
