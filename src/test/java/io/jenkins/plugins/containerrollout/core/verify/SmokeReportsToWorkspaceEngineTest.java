package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.junit.JunitParser;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A smoke test's JUnit XML lands in the workspace too, so Jenkins' own {@code junit} step publishes it on the Test
 * Result page and trend (jenkinsci/junit-plugin, {@code JUnitResultsStep}: it reads files of the workspace matching
 * an Ant pattern, nothing else).
 */
public class SmokeReportsToWorkspaceEngineTest {
    private static Apps apps;
    private static String base;
    private static String passing;

    @Rule
    public final TemporaryFolder workspace = new TemporaryFolder();

    @BeforeClass
    public static void appAndImage() throws Exception {
        apps = new Apps();
        base = apps.replica(apps.image(true), TestBed.unique("vfy-ws"), null, LocalHttp.freePort());
        passing = SmokeImages.build(apps, "1.0");
    }

    @AfterClass
    public static void cleanUp() {
        apps.close();
    }

    @Test
    public void theCollectedXmlIsWrittenBelowTheWorkspaceAndAnEarlierRunsIsGone() throws Exception {
        Path dir = workspace.getRoot().toPath().resolve("container-rollout-reports/e2e");
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/TEST-stale.xml"), "<testsuite tests='1'/>");
        Files.writeString(dir.resolve("notes.txt"), "kept");
        SmokeTestCheck check = new SmokeTestCheck("e2e", passing, null, Map.of(), null, null, 60_000)
                .withReportsDir("container-rollout-reports");
        VerifyRequest request = VerifyRequest.of(List.of(base), List.of(check), OnFailure.FAIL)
                .reportsUnder(workspace.getRoot().toPath());
        VerificationResult r = new Verifier(TestBed.host()).verify(request, line -> { });
        assertTrue(r.summary(), r.passed());

        Path written = dir.resolve("reports/TEST-smoke.xml");
        assertTrue("written: " + written, Files.isRegularFile(written));
        assertFalse("an earlier run's file would be published again", Files.exists(dir.resolve("reports/TEST-stale.xml")));
        assertEquals("kept", Files.readString(dir.resolve("notes.txt")));
        try (InputStream in = Files.newInputStream(written)) {
            assertEquals(((SmokeTestEvidence) r.checks().get(0).evidence()).tests().tests(),
                    new JunitParser().parse(in, written.toString()).tests());
        }
    }

    @Test
    public void aRunWithoutReportsLeavesNoEarlierReportToPublish() throws Exception {
        Path dir = workspace.getRoot().toPath().resolve("container-rollout-reports/e2e");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-stale.xml"), "<testsuite tests='1'/>");
        SmokeTestCheck check = new SmokeTestCheck("e2e", passing, null, Map.of(), null, "/nowhere", 60_000)
                .withReportsDir("container-rollout-reports");
        VerificationResult r = new Verifier(TestBed.host()).verify(VerifyRequest.of(List.of(base), List.of(check),
                OnFailure.FAIL).reportsUnder(workspace.getRoot().toPath()), line -> { });
        assertFalse(r.summary(), r.passed());
        assertFalse(Files.exists(dir.resolve("TEST-stale.xml")));
    }

    @Test
    public void withoutAReportsDirNothingIsWritten() throws Exception {
        SmokeTestCheck check = new SmokeTestCheck("e2e", passing, null, Map.of(), null, null, 60_000);
        VerificationResult r = new Verifier(TestBed.host()).verify(VerifyRequest.of(List.of(base), List.of(check),
                OnFailure.FAIL).reportsUnder(workspace.getRoot().toPath()), line -> { });
        assertTrue(r.summary(), r.passed());
        try (var files = Files.list(workspace.getRoot().toPath())) {
            assertEquals(0, files.count());
        }
    }

    @Test
    public void anArchiveEntryCannotWriteOutsideTheDirectory() {
        InputStream xml = new ByteArrayInputStream("<testsuite/>".getBytes(StandardCharsets.UTF_8));
        Path dir = workspace.getRoot().toPath().resolve("r");
        assertThrows(IOException.class, () -> ReportFiles.write(dir, "../escaped.xml", xml));
        assertThrows(IOException.class, () -> ReportFiles.write(dir, "/etc/x.xml", xml));
        assertFalse(Files.exists(workspace.getRoot().toPath().resolve("escaped.xml")));
    }
}
