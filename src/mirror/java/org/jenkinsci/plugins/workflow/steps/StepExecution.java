package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Does nothing (the real one keeps the context for getContext(), which throws here). */
    protected StepExecution(StepContext context) {
    }

    public abstract boolean start() throws Exception;

    /** The real one calls {@code getContext().onFailure(cause)}; here it does nothing. */
    public void stop(Throwable cause) throws Exception {
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
