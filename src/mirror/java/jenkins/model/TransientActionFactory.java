package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public TransientActionFactory() {
    }

    public abstract Class<T> type();

    public abstract Collection<? extends Action> createFor(T target);
}
