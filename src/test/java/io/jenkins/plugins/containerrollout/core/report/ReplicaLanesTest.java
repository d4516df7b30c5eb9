package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Lane;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Phase;
import io.jenkins.plugins.containerrollout.core.report.ReplicaLanes.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ReplicaLanesTest {
    private static TimelineEvent e(long at, Type type, int revision, int slot) {
        return new TimelineEvent(at, type, revision, slot, 18080 + slot, "");
    }

    @Test
    public void makesOneLanePerRevisionAndSlotSortedByRevision() {
        List<Lane> lanes = ReplicaLanes.of(List.of(e(5, Type.CREATED, 2, 0), e(0, Type.SERVING, 1, 1),
                e(0, Type.SERVING, 1, 0), TimelineEvent.app(3, Type.TRAFFIC, 2, "ports")), 0, 10);
        assertEquals(List.of("rev 1 \u00b7 slot 0", "rev 1 \u00b7 slot 1", "rev 2 \u00b7 slot 0"),
                lanes.stream().map(Lane::label).toList());
    }

    @Test
    public void splitsStartingFromReadyAndEndsOpenIntervalsAtTheEnd() {
        Lane lane = ReplicaLanes.of(List.of(e(1, Type.CREATED, 2, 0), e(2, Type.STARTED, 2, 0),
                e(4, Type.READY, 2, 0)), 0, 10).get(0);
        assertEquals(List.of(new Segment(1, 4, Phase.STARTING), new Segment(4, 10, Phase.READY)), lane.segments());
    }

    @Test
    public void keepsSeveralIntervalsWhenARollbackRestartsAKeptReplica() {
        Lane lane = ReplicaLanes.of(List.of(e(0, Type.SERVING, 1, 0), e(2, Type.STOPPED, 1, 0),
                e(6, Type.CREATED, 1, 0), e(7, Type.STARTED, 1, 0), e(8, Type.READY, 1, 0)), 0, 10).get(0);
        assertEquals(List.of(new Segment(0, 2, Phase.READY), new Segment(6, 8, Phase.STARTING),
                new Segment(8, 10, Phase.READY)), lane.segments());
    }

    @Test
    public void endsAnIntervalAtAFailureAndMarksIt() {
        Lane lane = ReplicaLanes.of(List.of(e(1, Type.STARTED, 2, 1), e(5, Type.FAILED, 2, 1)), 0, 10).get(0);
        assertEquals(List.of(new Segment(1, 5, Phase.STARTING)), lane.segments());
        assertEquals(Type.FAILED, lane.marks().get(1).type());
    }

    @Test
    public void capsProbeMarksPerLane() {
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(e(i, Type.PROBE, 2, 0));
        }
        assertEquals(ReplicaLanes.MAX_PROBE_MARKS, ReplicaLanes.of(events, 0, 1000).get(0).marks().size());
    }
}
