package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.analysis.WindowResult;
import io.jenkins.plugins.containerrollout.core.deploy.RecordBuilder;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.ReplicaDiagnosis;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects a rollout's events and tells the progress sink about each, one line per event. */
final class Timeline {
    private final String app;
    private final ProgressSink sink;
    private final List<TimelineEvent> events = new ArrayList<>();
    private final List<WindowResult> analyses = new ArrayList<>();
    private final List<ReplicaDiagnosis> diagnoses = new ArrayList<>();

    Timeline(String app, ProgressSink sink) {
        this.app = app;
        this.sink = sink;
    }

    /**
     * A timeline that goes on from a paused rollout's record: its events, analysis windows and diagnoses come first,
     * so the rollout's record is one entry from the deploy that paused to the command that ends the pause.
     */
    Timeline(String app, ProgressSink sink, RolloutRecord soFar) {
        this(app, sink);
        events.addAll(soFar.events());
        analyses.addAll(soFar.analysis());
        diagnoses.addAll(soFar.diagnoses());
    }

    synchronized void replica(Type type, ReplicaRef r, String detail) {
        events.add(new TimelineEvent(System.currentTimeMillis(), type, r.revision(), r.slot(), r.port(), detail));
        sink.line(app + ": " + type.name().toLowerCase() + " " + r.name() + " on 127.0.0.1:" + r.port()
                + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    synchronized void app(Type type, int revision, String detail) {
        events.add(TimelineEvent.app(System.currentTimeMillis(), type, revision, detail));
        sink.line(app + ": " + detail);
    }

    /** A canary analysis window: kept for the record as measured, and told as a PROBE event of the app. */
    synchronized void analysis(WindowResult window, int revision, String detail) {
        analyses.add(window);
        app(Type.PROBE, revision, detail);
    }

    /** Why a replica failed: kept for the record, and its short form (the last log lines) told on the console. */
    synchronized void diagnosis(ReplicaDiagnosis d) {
        diagnoses.add(d);
        sink.line(app + ": " + d.summary(5));
    }

    synchronized List<ReplicaDiagnosis> diagnoses() {
        return List.copyOf(diagnoses);
    }

    synchronized List<WindowResult> analyses() {
        return List.copyOf(analyses);
    }

    /** A progress line that is not an event. */
    void line(String text) {
        sink.line(app + ": " + text);
    }

    /** The record of the rollout this timeline followed, as it ended. */
    RolloutRecord record(Operation op, int from, Revision to, int serving, String image, int desired,
            RolloutStrategy strategy, Outcome outcome, String message, long startedAt) {
        var target = new RecordBuilder.Target(to.number(), image, to.imageId(), to.digest(), to.commit(), to.buildUrl());
        return RecordBuilder.finish(app, op, from, target, serving, desired, strategy, Map.of(), events(), outcome,
                message, startedAt).withAnalysis(analyses()).withDiagnoses(diagnoses());
    }

    synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }
}
