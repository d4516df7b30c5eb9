package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/** Subclassed by the glue's test harness, so every abstract method of the real type is declared here. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public StepContext() {
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void setResult(Result r);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    @Override
    public abstract void onSuccess(Object result);

    @Override
    public abstract void onFailure(Throwable t);

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
