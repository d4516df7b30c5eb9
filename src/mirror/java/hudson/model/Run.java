package hudson.model;

import java.io.File;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    /** As in core: when the build was scheduled; a glue test may set it on its inert build. */
    protected long timestamp;

    /** Does nothing: a glue test may subclass it for an inert build; every method throws. */
    protected Run(JobT job) throws IOException {
    }

    @Override
    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public final long getTimeInMillis() {
        return timestamp;
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException();
    }
}
