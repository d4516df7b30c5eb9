package io.jenkins.plugins.containerrollout.core.swarm;

import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.assertServes;
import static io.jenkins.plugins.containerrollout.core.swarm.SwarmFixture.swarmCli;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The docker CLI as the reference for an update: the same change made by {@code docker service update} gives
 * the spec our update gives, and our timeline has every task {@code docker service ps} lists, in the states it lists.
 */
public class SwarmCliUpdateParityEngineTest extends SwarmTestBase {
    private static final int PORT_BASE = 37300;



    @Override
    protected int firstPort() {
        return PORT_BASE;
    }

    /** The CLI appends what --env-add adds; the order of environment entries means nothing to a task. */
    private static JsonNode sortedEnv(JsonNode spec) {
        ObjectNode copy = spec.deepCopy();
        ObjectNode c = (ObjectNode) copy.path("TaskTemplate").path("ContainerSpec");
        List<String> env = new ArrayList<>();
        c.path("Env").forEach(e -> env.add(e.asText()));
        env.sort(null);
        c.putArray("Env").addAll(env.stream().map(com.fasterxml.jackson.databind.node.TextNode::new).toList());
        return copy;
    }


    @Test
    public void cliUpdateWithTheSameChangeGivesTheSpecOurUpdateGives() throws Exception {
        swarm.deploy(request(images.v1(), "one"), SwarmFixture.SINK);
        swarm.deploy(request(images.v2(), "two"), SwarmFixture.SINK);
        JsonNode ours = SwarmFixture.spec(host, app);
        removeAndWait();

        swarm.deploy(request(images.v1(), "one"), SwarmFixture.SINK);
        JsonNode c = ours.path("TaskTemplate").path("ContainerSpec");
        List<String> cli = new ArrayList<>(List.of("service", "update", "--quiet", "--image", c.path("Image").asText(),
                "--env-add", "MODE=two", "--env-add", SwarmLabels.ENV_PORT_BANK + "=1"));
        c.path("Labels").fields().forEachRemaining(e -> cli.addAll(List.of("--container-label-add",
                e.getKey() + "=" + e.getValue().asText())));
        ours.path("Labels").fields().forEachRemaining(e -> cli.addAll(List.of("--label-add",
                e.getKey() + "=" + e.getValue().asText())));
        cli.add(app);
        swarmCli(host, cli.toArray(String[]::new));

        assertEquals(sortedEnv(ours), sortedEnv(SwarmFixture.spec(host, app)));
        assertServes(swarm, app, 2, "2.0");
    }

    @Test
    public void ourTimelineHasEveryTaskOfDockerServicePsInItsState() throws Exception {
        swarm.deploy(request(images.v1(), "one"), SwarmFixture.SINK);
        RolloutRecord r = swarm.deploy(request(images.v2(), "two"), SwarmFixture.SINK);

        String ps = SwarmFixture.settledTaskList(host, app);
        List<String> lines = ps.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(ps, 4, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            String id = f[0].substring(0, 12);
            int slot = Integer.parseInt(f[1].substring(f[1].lastIndexOf('.') + 1));
            List<TimelineEvent> ofTask = r.events().stream().filter(e -> e.detail().startsWith("task " + id + " "))
                    .toList();
            assertTrue(line + " / " + ofTask, ofTask.stream().allMatch(e -> e.slot() == slot));
            List<Type> types = ofTask.stream().map(TimelineEvent::type).toList();
            if (f[2].equals("Running")) {
                assertEquals(line, List.of(Type.STARTED, Type.READY), types);
                assertTrue(line, f[3].equals("Running"));
            } else {
                assertEquals(line, List.of(Type.SERVING, Type.STOPPED), types);
                assertTrue(line, f[3].equals("Shutdown"));
            }
        }
        assertEquals(ps, 2, r.events().stream().filter(e -> e.type() == Type.READY
                && e.revision() == 2).count());
        assertEquals(AppLabels.APP, AppLabels.PREFIX + "app");
    }
}
