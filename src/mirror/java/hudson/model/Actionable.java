package hudson.model;

public abstract class Actionable extends AbstractModelObject {
    public Actionable() {
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
