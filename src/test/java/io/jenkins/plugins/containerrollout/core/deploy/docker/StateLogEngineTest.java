package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The state log in the engine: a deploy writes its PROGRESSING entry and then its COMPLETE one from what it listed
 * under the lock (no listing of its own for the second), each write prunes entries more than three behind it, and the
 * entries are volumes; those an earlier version wrote as never-started containers are read and pruned alike.
 */
public class StateLogEngineTest extends EngineTestBase {
    @Test
    public void eachDeployAppendsTwoEntriesAndTheLogKeepsTheLatestFour() throws Exception {
        for (String v : List.of("1", "2", "3", "4")) {
            assertEquals(Outcome.SUCCEEDED, deploy(v).outcome());
            assertEquals("after revision " + v, AppPhase.COMPLETE, deployer.status(app).phase());
        }

        // 4 deploys, 2 entries each: sequence numbers 1 to 8, of which 5 to 8 are kept
        assertEquals(List.of(app + ".state5", app + ".state6", app + ".state7", app + ".state8"), stateVolumes());
        assertEquals("no state entry is a container", List.of(), stateContainers());
    }

    @Test
    public void entriesAnEarlierVersionWroteAsContainersAreReadAndPruned() throws Exception {
        assertEquals(Outcome.SUCCEEDED, deploy("1").outcome());
        // the app as an earlier version left it: the same two entries, as never-started containers
        for (String name : stateVolumes()) {
            String labels = TestBed.docker("volume", "inspect", "--format",
                    "{{range $k, $v := .Labels}}{{$k}}={{$v}}\n{{end}}", name);
            TestBed.docker("volume", "rm", name);
            List<String> create = new ArrayList<>(List.of("create", "--name", name, "--network", "none",
                    "--entrypoint", "/rollout-record-never-started"));
            labels.lines().filter(l -> !l.isBlank()).forEach(l -> create.addAll(List.of("--label", l)));
            create.add(DeployFixture.image("1", true));
            TestBed.docker(create.toArray(String[]::new));
        }
        assertEquals(List.of(app + ".state1", app + ".state2"), stateContainers());
        assertEquals(AppPhase.COMPLETE, deployer.status(app).phase());
        assertEquals(1, deployer.status(app).stableRevision());

        RolloutRecord second = deploy("2");
        assertEquals(Outcome.SUCCEEDED, second.outcome());
        assertEquals("the rollout read the stable revision from the container entries", 1, second.fromRevision());
        assertEquals(Outcome.SUCCEEDED, deploy("3").outcome());

        // entries 3 to 6 are volumes; 1 and 2, more than three behind 6, are gone
        assertEquals(List.of(app + ".state3", app + ".state4", app + ".state5", app + ".state6"), stateVolumes());
        assertEquals(List.of(), stateContainers());
    }

    @Test
    public void aVolumeOfTheEntrysNameWithOtherLabelsIsNotTakenForIt() throws Exception {
        String taken = AppLabels.stateName(app, 1);
        TestBed.docker("volume", "create", "--label", "owner=someone-else", taken);
        try {
            Exception refused = assertThrows(Exception.class, () -> deploy("1"));
            assertTrue(refused.toString(), String.valueOf(refused.getMessage()).contains("volume named " + taken));
            assertEquals("the volume is left as it was", "map[owner:someone-else]",
                    TestBed.docker("volume", "inspect", "--format", "{{.Labels}}", taken).trim());
            assertEquals("no replica was created", "", TestBed.docker("ps", "-aq", "--filter", "label="
                    + AppLabels.APP + "=" + app, "--filter", "label=" + AppLabels.ROLE + "=" + AppLabels.ROLE_REPLICA)
                    .trim());
        } finally {
            TestBed.docker("volume", "rm", taken);
        }
    }

    private RolloutRecord deploy(String version) throws InterruptedException {
        return deployer.deploy(new DeployRequest(host, app, DeployFixture.spec(DeployFixture.image(version, true)), 1,
                DeployFixture.portBase(app, 2), RolloutStrategy.rolling("1", "0"), DeployFixture.probe(), 10, null,
                null), ProgressSink.NONE);
    }

    private List<String> stateVolumes() {
        return names("{{.Name}}", "volume", "ls");
    }

    private List<String> stateContainers() {
        return names("{{.Names}}", "ps", "-a");
    }

    /** Names ({@code format}) that {@code docker <list...>} gives for the app's state entries, sorted. */
    private List<String> names(String format, String... list) {
        List<String> args = new ArrayList<>(List.of(list));
        for (Map.Entry<String, String> label : Map.of(AppLabels.ROLE, "state", AppLabels.APP, app).entrySet()) {
            args.addAll(List.of("--filter", "label=" + label.getKey() + "=" + label.getValue()));
        }
        args.addAll(List.of("--format", format));
        return TestBed.docker(args.toArray(String[]::new)).lines().filter(l -> !l.isBlank()).sorted().toList();
    }
}
