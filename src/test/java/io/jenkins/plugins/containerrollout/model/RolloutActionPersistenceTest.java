package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The action as Jenkins keeps it: serialized into {@code build.xml} by XStream (fields only, owner left out), read
 * back on load, the full entries in the JSON file beside it.
 */
public class RolloutActionPersistenceTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** Like Jenkins' XStream2: our types allowed, unknown elements (a field removed in a later version) skipped. */
    private static XStream xstream() {
        XStream x = new XStream();
        x.allowTypesByWildcard(new String[] {"io.jenkins.plugins.containerrollout.**"});
        x.ignoreUnknownElements();
        return x;
    }

    private RolloutAction recorded(File buildDir, List<ReportEntry> entries) throws Exception {
        RolloutAction action = new RolloutAction();
        action.attach(null, buildDir);
        for (ReportEntry e : entries) {
            action.add(e);
        }
        return action;
    }

    @Test
    public void summariesSurviveTheBuildXmlRoundTrip() throws Exception {
        RolloutAction action = recorded(folder.newFolder("42"), Entries.sampleRun());
        String xml = xstream().toXML(action);

        RolloutAction loaded = (RolloutAction) xstream().fromXML(xml);

        assertEquals(xml, xstream().toXML(loaded));
        assertEquals(5, loaded.getSummaries().size());
        RolloutSummary deploy = loaded.getSummaries().get(1);
        assertEquals("deploy", deploy.getKind());
        assertEquals("shop-web", deploy.getApp());
        assertEquals("r6 \u2192 r7", deploy.getRevisionText());
        assertEquals(Entries.COMMIT_TIME.toEpochMilli(), deploy.getCommitTimeMillis());
        assertTrue("its verification failed", deploy.isFailed());
    }

    @Test
    public void buildXmlHoldsSummariesNotTheFullRecords() throws Exception {
        String xml = xstream().toXML(recorded(folder.newFolder("42"), Entries.sampleRun()));

        assertFalse("timeline text belongs in the JSON file", xml.contains("migration 0042"));
        assertFalse("the owner is transient", xml.contains("<owner"));
        assertFalse("the store is transient", xml.contains("<store"));
    }

    @Test
    public void entriesAreReadBackFromTheFileBesideBuildXml() throws Exception {
        File buildDir = folder.newFolder("42");
        List<ReportEntry> entries = Entries.sampleRun();
        RolloutAction loaded = (RolloutAction) xstream().fromXML(xstream().toXML(recorded(buildDir, entries)));

        loaded.attach(null, buildDir); // what onLoad does with the build's root directory

        assertEquals(entries, loaded.entries());
        assertTrue(Files.isRegularFile(buildDir.toPath().resolve("container-rollout/entries.json")));
    }

    @Test
    public void anOlderBuildXmlWithMissingAndExtraFieldsLoadsWithDefaults() {
        String xml = "<io.jenkins.plugins.containerrollout.model.RolloutAction>\n"
                + "  <summaries>\n"
                + "    <io.jenkins.plugins.containerrollout.model.RolloutSummary>\n"
                + "      <app>shop-web</app>\n"
                + "      <toRevision>4</toRevision>\n"
                + "      <outcome>succeeded</outcome>\n"
                + "      <removedInALaterVersion>x</removedInALaterVersion>\n"
                + "    </io.jenkins.plugins.containerrollout.model.RolloutSummary>\n"
                + "  </summaries>\n"
                + "</io.jenkins.plugins.containerrollout.model.RolloutAction>";

        RolloutAction loaded = (RolloutAction) xstream().fromXML(xml);

        RolloutSummary s = loaded.getSummaries().get(0);
        assertEquals("deploy", s.getKind());
        assertEquals("", s.getTitle());
        assertEquals("", s.getDigest());
        assertEquals("", s.getCommit());
        assertEquals(0, s.getCommitTimeMillis());
        assertEquals("r0 \u2192 r4", s.getRevisionText());
    }

    @Test
    public void anActionWithoutSummariesLoadsEmpty() {
        RolloutAction loaded = (RolloutAction) xstream().fromXML(
                "<io.jenkins.plugins.containerrollout.model.RolloutAction/>");

        assertEquals(List.of(), loaded.getSummaries());
        assertEquals(0, loaded.getRolloutCount());
    }
}
