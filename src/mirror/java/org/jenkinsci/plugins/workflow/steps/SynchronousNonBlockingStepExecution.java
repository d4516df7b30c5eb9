package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    /** The real one interrupts the thread running {@link #run()}, then fails the step with {@code cause}. */
    @Override
    public void stop(Throwable cause) throws Exception {
        super.stop(cause);
    }
}
