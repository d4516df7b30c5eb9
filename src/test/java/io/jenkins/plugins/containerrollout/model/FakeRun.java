package io.jenkins.plugins.containerrollout.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.RunAction2;

/**
 * A build for the model tests, on the compile-only mirror: it keeps actions as core's {@code Run} does (a
 * copy-on-write list, {@code onAttached} on add), saves under its own monitor as {@code Run.save()} and workflow-job's
 * {@code WorkflowRun.save()} do, and counts how often it was looked into (so a test can count the builds a page
 * touches).
 *
 * <p>Usage: {@code FakeRun run = new FakeRun(job, 7, buildDir);}
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class FakeRun extends Run {
    private final Job job;
    private final int number;
    private final File dir;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    FakeRun previous;
    /** Calls to {@link #getAction} and {@link #getPreviousBuild}: how much of this build a caller read. */
    final AtomicInteger touched = new AtomicInteger();
    final AtomicInteger saves = new AtomicInteger();

    FakeRun(Job job, int number, File dir) throws IOException {
        super(job);
        this.job = job;
        this.number = number;
        this.dir = dir;
        this.timestamp = 1_000_000L * number;
    }

    @Override
    public Job getParent() {
        return job;
    }

    @Override
    public int getNumber() {
        return number;
    }

    /** As core's {@code Run.getUrl()}: the job's URL (relative, no leading slash) and the number. */
    @Override
    public String getUrl() {
        return "job/shop/" + number + "/";
    }

    @Override
    public File getRootDir() {
        return dir;
    }

    @Override
    public Run getPreviousBuild() {
        touched.incrementAndGet();
        return previous;
    }

    @Override
    public Action getAction(Class type) {
        touched.incrementAndGet();
        for (Action a : actions) {
            if (type.isInstance(a)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public void addAction(Action a) {
        actions.add(a);
        if (a instanceof RunAction2 r) {
            r.onAttached(this);
        }
    }

    @Override
    public synchronized void save() {
        saves.incrementAndGet();
    }
}
