package io.jenkins.plugins.containerrollout.core.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.util.List;
import org.junit.Test;

/**
 * A Swarm record names its target revision's commit and deploying build, as the Docker host's does, so the report
 * header shows the commit (issue 16: the Swarm copy of the record builder dropped them).
 */
public class SwarmRecordTargetEngineTest extends SwarmTestBase {
    private static final String COMMIT_1 = "1111111111111111111111111111111111111111";
    private static final String COMMIT_2 = "2222222222222222222222222222222222222222";

    @Override
    protected int firstPort() {
        return 37900;
    }

    @Test
    public void deployAndRollbackRecordsCarryTheTargetsCommitAndBuild() throws Exception {
        swarm.deploy(request(images.v1(), "ok").withBuild("http://jenkins.example/job/web/1/", COMMIT_1), SwarmFixture.SINK);
        RolloutRecord deployed = swarm.deploy(request(images.v2(), "ok").withBuild("http://jenkins.example/job/web/2/",
                COMMIT_2), SwarmFixture.SINK);
        assertEquals(deployed.message(), Outcome.SUCCEEDED, deployed.outcome());
        assertEquals("the deployed revision's commit", COMMIT_2, deployed.commit());
        assertEquals("http://jenkins.example/job/web/2/", deployed.buildUrl());

        String page = HtmlReport.render(DeliveryReport.of("swarm " + app, List.of(new ReportEntry.Rollout(deployed))));
        assertTrue("the commit in the header, with no build in the run",
                page.contains("title=\"" + COMMIT_2 + "\">" + COMMIT_2.substring(0, 12) + "</dd>"));

        RolloutRecord back = swarm.rollback(rollbackTo(1), SwarmFixture.SINK);
        assertEquals(back.message(), Outcome.SUCCEEDED, back.outcome());
        assertEquals("a rollback names the commit of the revision it went back to", COMMIT_1, back.commit());
        assertEquals("http://jenkins.example/job/web/1/", back.buildUrl());
    }
}
