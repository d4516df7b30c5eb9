package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins extends AbstractCIBase implements AccessControlled {
    public static final Permission ADMINISTER = null;

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
