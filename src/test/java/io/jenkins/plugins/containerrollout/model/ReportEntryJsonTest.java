package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.report.ReportEntryJson;
import io.jenkins.plugins.containerrollout.core.report.SampleCanaryReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The entries file beside build.xml: every entry kind comes back equal, and the file tolerates other versions. */
public class ReportEntryJsonTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyEntryKindRoundTripsEqual() throws Exception {
        List<ReportEntry> entries = Entries.sampleRun();

        assertEquals(entries, ReportEntryJson.read(ReportEntryJson.write(entries)));
    }

    @Test
    public void eachEntryNamesItsKind() throws Exception {
        String json = new String(ReportEntryJson.write(Entries.sampleRun()), StandardCharsets.UTF_8);

        assertTrue(json.startsWith("[{\"kind\":\"build\""));
        assertTrue(json.contains("{\"kind\":\"verification\""));
        assertTrue(json.contains("{\"kind\":\"tests\""));
        assertTrue(json.contains("\"commitTime\":\"2026-11-25T12:00:00Z\""));
    }

    @Test
    public void aPropertyAddedByANewerVersionIsIgnored() throws Exception {
        List<ReportEntry> entries = List.of(Entries.tests("unit"));
        String json = new String(ReportEntryJson.write(entries), StandardCharsets.UTF_8)
                .replace("{\"kind\":\"tests\",", "{\"kind\":\"tests\",\"addedLater\":{\"x\":1},");

        assertEquals(entries, ReportEntryJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Issue #13: a canary's analysis windows are in the JSON the build keeps, and come back equal. */
    @Test
    public void aCanarysAnalysisWindowsRoundTripThroughTheEntriesFile() throws Exception {
        ReportEntry.Rollout canary = (ReportEntry.Rollout) SampleCanaryReport.create().entries().get(7);
        assertEquals("the sample carries its windows", 2, canary.record().analysis().size());
        EntryStore store = new EntryStore(folder.newFolder("7"));
        store.append(canary);

        List<ReportEntry> back = new EntryStore(store.file().getParent().getParent().toFile()).entries();
        assertEquals(List.of(canary), back);
        assertEquals(canary.record().analysis(), ((ReportEntry.Rollout) back.get(0)).record().analysis());
        String json = Files.readString(store.file());
        assertTrue(json, json.contains("\"analysis\":[{\"source\":\"ROUTER\",\"fromMillis\":"));
        assertTrue(json, json.contains("\"canaryRequests\":40,\"canaryFailures\":40,\"stableRequests\":360,"
                + "\"stableFailures\":0,"));
        assertTrue(json, json.contains("\"verdict\":\"FAIL\",\"thresholds\":\"successRatio >= 0.950"));
    }

    @Test
    public void aRecordWrittenBeforeWindowsWereKeptReadsWithNoWindows() throws Exception {
        ReportEntry.Rollout canary = (ReportEntry.Rollout) SampleCanaryReport.create().entries().get(7);
        String json = ReportEntryJson.line(canary);
        // the windows, the diagnoses and the pause (#15) are the record's last properties, the record the entry's
        assertTrue(json, json.endsWith("],\"diagnoses\":[],\"pause\":null}}"));
        String line = json.substring(0, json.lastIndexOf(",\"analysis\":[")) + "}}";
        assertFalse(line, line.contains("\"analysis\":["));

        ReportEntry.Rollout old = (ReportEntry.Rollout) ReportEntryJson.parse(line);
        assertEquals(List.of(), old.record().analysis());
        assertEquals(canary.record().withAnalysis(List.of()), old.record());
    }

    @Test
    public void aBuildWithoutEntriesFileHasNoEntries() throws Exception {
        assertEquals(List.of(), new EntryStore(folder.newFolder("7")).entries());
    }

    @Test
    public void appendedEntriesAreKeptInOrderInOneFile() throws Exception {
        EntryStore store = new EntryStore(folder.newFolder("7"));
        List<ReportEntry> entries = Entries.sampleRun();
        for (ReportEntry e : entries) {
            store.append(e);
        }

        assertEquals(entries, new EntryStore(store.file().getParent().getParent().toFile()).entries());
        try (var files = Files.list(store.file().getParent())) {
            assertEquals("no temporary file left behind", 1, files.count());
        }
    }
}
