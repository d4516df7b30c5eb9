package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What a step keeps with the build through {@link StepRun#record}: {@code containerBuild} its build result. */
public class StepRecordTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void containerBuildRecordsItsResultUnderItsFirstTag() throws Exception {
        StepHarness harness = StepHarness.in(tmp.newFolder("ws"));
        FakeBuildCore core = FakeBuildCore.succeeding();

        harness.run(new ContainerBuildStep(List.of("app:1", "app:latest")), core);

        assertEquals(1, harness.jenkins.recorded.size());
        ReportEntry.Build entry = (ReportEntry.Build) harness.jenkins.recorded.get(0);
        assertEquals("app:1", entry.title());
        assertEquals("sha256:1d", entry.result().imageId());
    }

    @Test
    public void aFailedBuildRecordsNothing() throws Exception {
        StepHarness harness = StepHarness.in(tmp.newFolder("ws"));

        assertThrows(AbortException.class,
                () -> harness.run(new ContainerBuildStep(List.of("app:1")), FakeBuildCore.failingWith("RUN failed")));

        assertEquals(List.of(), harness.jenkins.recorded);
    }
}
