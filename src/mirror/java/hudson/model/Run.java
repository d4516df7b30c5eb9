package hudson.model;

import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    /** Does nothing: a glue test may subclass it for an inert build; every method throws. */
    protected Run(JobT job) throws IOException {
    }
}
