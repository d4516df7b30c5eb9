package io.jenkins.plugins.containerrollout.core.report;

import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written rollout timeline for the sample reports: events at offsets from the rollout's start, each replica on
 * {@code portBase + slot}, as the Docker-host deployer lays them out.
 *
 * <p>Usage: {@code SampleTimeline t = new SampleTimeline(start, 18080); t.start(400, 7, 0, "sha256:4f1c"); t.events()}
 */
final class SampleTimeline {
    private final List<TimelineEvent> events = new ArrayList<>();
    private final long base;
    private final int portBase;

    SampleTimeline(long base, int portBase) {
        this.base = base;
        this.portBase = portBase;
    }

    List<TimelineEvent> events() {
        return events;
    }

    long base() {
        return base;
    }

    /** One event; {@code slot} -1 for an application-wide one. */
    SampleTimeline at(long offset, Type type, int revision, int slot, String detail) {
        events.add(new TimelineEvent(base + offset, type, revision, slot, slot < 0 ? 0 : portBase + slot, detail));
        return this;
    }

    /** A change of where traffic goes, in the deployer's words ({@code serving ports [...]}, a canary weight). */
    SampleTimeline traffic(long offset, int revision, String detail) {
        return at(offset, Type.TRAFFIC, revision, -1, detail);
    }

    /** A replica created (from {@code image}) and started 150 ms later. */
    SampleTimeline start(long offset, int revision, int slot, String image) {
        return at(offset, Type.CREATED, revision, slot, image).at(offset + 150, Type.STARTED, revision, slot, "");
    }

    /** A kept stopped replica started again. */
    SampleTimeline restart(long offset, int revision, int slot) {
        return at(offset, Type.CREATED, revision, slot, "kept container re-used")
                .at(offset + 100, Type.STARTED, revision, slot, "");
    }
}
