package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.ExecCheck;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A command run inside one replica (or every one with {@code all: true}); it must exit 0 in time. No shell unless
 * the command calls one.
 *
 * <p>Usage: {@code exec(command: ['test', '-f', '/www/version'], all: true)}
 */
public final class ExecVerifyCheck extends VerifyCheck {
    private final List<String> command;
    private String labels;
    private boolean all;

    /** @param command the program and its arguments; in the form one per line */
    @DataBoundConstructor
    public ExecVerifyCheck(List<String> command) {
        this.command = StepArguments.lines(command);
    }

    public List<String> getCommand() {
        return new ArrayList<>(command);
    }

    public String getLabels() {
        return labels;
    }

    /** Label selector ({@code key=value,...}); default the application's replicas. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = RolloutForms.blankToNull(labels);
    }

    public boolean isAll() {
        return all;
    }

    @DataBoundSetter
    public void setAll(boolean all) {
        this.all = all;
    }

    @Override
    public Check toCheck(String app, int desiredReplicas) {
        return new ExecCheck(getName(), labels == null ? appSelector(app) : labels, command, all, timeoutMillis());
    }

    /**
     * {@code exec} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [exec(command: ['true'])]}
     */
    @Extension
    @Symbol("exec")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        @Override
        public String getDisplayName() {
            return Messages.get("ExecVerifyCheck.displayName");
        }
    }
}
