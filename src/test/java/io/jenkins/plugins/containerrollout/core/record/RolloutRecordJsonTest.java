package io.jenkins.plugins.containerrollout.core.record;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A record survives the two trips it makes: JSON beside build.xml, Java serialization back from an agent. */
public class RolloutRecordJsonTest {
    static RolloutRecord sample() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent(1000, Type.SERVING, 1, 0, 21000, "200"),
                new TimelineEvent(1100, Type.STARTED, 2, 1, 21001, ""),
                new TimelineEvent(1500, Type.READY, 2, 1, 21001, "200"),
                TimelineEvent.app(1510, Type.TRAFFIC, 2, "serving ports [21000, 21001]"));
        return new RolloutRecord("web", Operation.DEPLOY, 1, 2, 2, "127.0.0.1:5000/web:2", "sha256:abc",
                "127.0.0.1:5000/web@sha256:def", 1, "rolling", Map.of("maxSurge", "1 = 1", "maxUnavailable", "0 = 0"),
                events, Outcome.SUCCEEDED, "1/1 replicas on revision 2", 1000, 2000,
                MetricsCalculator.compute(events, 1, 2, Operation.DEPLOY, 1000, 2000))
                .withTarget("9c41e07d2b8f5a6e13d0c7b4a9e2f8d1c6b3a5e0", "http://jenkins.example/job/web/2/");
    }

    @Test
    public void recordRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RolloutRecord record = sample();

        String text = json.writeValueAsString(record);
        RolloutRecord back = json.readValue(text, RolloutRecord.class);

        assertEquals(record, back);
        assertEquals(text, json.writeValueAsString(back));
    }

    @Test
    public void jsonWrittenBeforeCommitAndBuildUrlWereKeptStillLoads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode older = json.valueToTree(sample());
        older.remove(List.of("commit", "buildUrl"));

        RolloutRecord back = json.treeToValue(older, RolloutRecord.class);

        assertEquals(sample().withTarget(null, null), back);
        assertNull(back.commit());
    }

    @Test
    public void recordRoundTripsThroughJavaSerialization() throws Exception {
        RolloutRecord record = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(record, in.readObject());
        }
    }
}
