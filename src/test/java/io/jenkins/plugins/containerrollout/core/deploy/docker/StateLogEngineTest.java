package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.List;
import org.junit.Test;

/**
 * The state log in the engine: a deploy writes its PROGRESSING entry and then its COMPLETE one from what it listed
 * under the lock (no listing of its own for the second), and each write prunes entries more than three behind it.
 */
public class StateLogEngineTest extends EngineTestBase {
    @Test
    public void eachDeployAppendsTwoEntriesAndTheLogKeepsTheLatestFour() throws Exception {
        int base = DeployFixture.portBase(app, 2);
        for (String v : List.of("1", "2", "3", "4")) {
            DeployRequest request = new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(v, true)), 1,
                    base, RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null, null);
            assertEquals(Outcome.SUCCEEDED, deployer.deploy(request, ProgressSink.NONE).outcome());
            assertEquals("after revision " + v, AppPhase.COMPLETE, deployer.status(app).phase());
        }

        // 4 deploys, 2 entries each: sequence numbers 1 to 8, of which 5 to 8 are kept
        assertEquals(List.of(app + ".state5", app + ".state6", app + ".state7", app + ".state8"),
                TestBed.docker("ps", "-a", "--format", "{{.Names}}", "--filter",
                        "label=" + AppLabels.ROLE + "=state", "--filter", "label=" + AppLabels.APP + "=" + app)
                        .lines().filter(l -> !l.isBlank()).sorted().toList());
    }
}
