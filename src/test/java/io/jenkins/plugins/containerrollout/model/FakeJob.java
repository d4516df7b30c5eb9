package io.jenkins.plugins.containerrollout.model;

import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;

/**
 * A job for the model tests, on the compile-only mirror: its builds are {@link FakeRun}s linked newest to oldest.
 *
 * <p>Usage: {@code FakeJob job = FakeJob.withBuilds(50, folder); job.newBuild(folder);}
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class FakeJob extends Job {
    private FakeRun last;

    private FakeJob() {
        super(null, "job");
    }

    /** A job with builds #1..#count, none of which recorded anything. */
    static FakeJob withBuilds(int count, File folder) throws IOException {
        FakeJob job = new FakeJob();
        for (int i = 0; i < count; i++) {
            job.newBuild(folder);
        }
        return job;
    }

    /** Adds the next build; its folder is {@code folder/<number>}. */
    FakeRun newBuild(File folder) throws IOException {
        int number = last == null ? 1 : last.getNumber() + 1;
        File dir = new File(folder, Integer.toString(number));
        FakeRun run = new FakeRun(this, number, dir);
        run.previous = last;
        last = run;
        return run;
    }

    @Override
    public Run getLastBuild() {
        return last;
    }

    /** Build reads (actions looked up, previous builds followed) over all builds so far. */
    int touched() {
        int sum = 0;
        for (FakeRun r = last; r != null; r = r.previous) {
            sum += r.touched.get();
        }
        return sum;
    }

    void resetTouched() {
        for (FakeRun r = last; r != null; r = r.previous) {
            r.touched.set(0);
        }
    }
}
