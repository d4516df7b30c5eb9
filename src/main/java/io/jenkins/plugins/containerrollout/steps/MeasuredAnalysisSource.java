package io.jenkins.plugins.containerrollout.steps;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.CanaryAnalysis;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An analysis that measures what happened in a step's pause ({@code router(...)}, {@code prometheus(...)}) and so
 * may find too little to judge: {@code extraPauses} more pauses, then {@code inconclusive: 'synthetic'} or
 * {@code 'fail'} ({@link CanaryAnalysis.Inconclusive}). The two settings, their help and their form checks live
 * here once.
 *
 * <p>Usage: {@code analysis: prometheus(url: ..., query: ..., maxValue: 0.05, extraPauses: 2, inconclusive: 'fail')}
 */
public abstract class MeasuredAnalysisSource extends CanaryAnalysisSource {
    private static final CanaryAnalysis.Inconclusive DEFAULTS = CanaryAnalysis.Inconclusive.defaults();

    private int extraPauses = DEFAULTS.extraPauses();
    private String inconclusive = DEFAULTS.fallback();

    public int getExtraPauses() {
        return extraPauses;
    }

    /** Pauses a step may add, one at a time, while a window has too little to judge; 0 for none. */
    @DataBoundSetter
    public void setExtraPauses(int extraPauses) {
        this.extraPauses = extraPauses;
    }

    public String getInconclusive() {
        return inconclusive;
    }

    /** Then: {@code 'synthetic'} (probe the canary's replicas directly, default) or {@code 'fail'} (fail the step). */
    @DataBoundSetter
    public void setInconclusive(String inconclusive) {
        this.inconclusive = inconclusive == null || inconclusive.isBlank() ? DEFAULTS.fallback() : inconclusive.strip();
    }

    /** The core's settings for an inconclusive window; its constructor names a wrong value. */
    protected final CanaryAnalysis.Inconclusive inconclusiveSettings() {
        return new CanaryAnalysis.Inconclusive(extraPauses, inconclusive);
    }

    /** The form's {@code extraPauses}, as the core checks it (blank: the default). */
    static void checkExtraPauses(String value) {
        new CanaryAnalysis.Inconclusive(RolloutForms.integer("extraPauses", value, DEFAULTS.extraPauses()),
                DEFAULTS.fallback());
    }

    /**
     * The form checks both measuring analyses share; Jenkins finds {@code doCheck*}/{@code doFill*} methods on a
     * descriptor's superclasses too (core {@code Descriptor.getCheckMethod}/{@code calcFillSettings} look them up
     * with {@code ReflectionUtils.getPublicMethodNamed}, which walks public inherited methods).
     */
    public abstract static class MeasuredDescriptor extends Descriptor<CanaryAnalysisSource> {
        /** Fewer than 0 or more than 100 extra pauses. */
        @POST
        public FormValidation doCheckExtraPauses(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> checkExtraPauses(value));
        }

        /** The two reactions, for everybody ({@link FixedChoices}). */
        @POST
        public ListBoxModel doFillInconclusiveItems() {
            return FixedChoices.listBox(FixedChoices.inconclusive());
        }
    }
}
