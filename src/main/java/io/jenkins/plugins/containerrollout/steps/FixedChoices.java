package io.jenkins.plugins.containerrollout.steps;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.Replacement;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The drop-down lists whose options are fixed (the replacement policy, the reaction to a failed verification). They
 * are the same for everybody and reveal nothing, so they are filled without a permission check: the global Pipeline
 * Syntax page (no job, so no {@code Item/Configure}) and users who may only read a job see the full list. Labels are
 * in the request's language ({@link Messages}).
 *
 * <p>Usage: {@code return FixedChoices.listBox(FixedChoices.onFailure());}
 */
final class FixedChoices {
    private FixedChoices() {
    }

    /** One option: what the user reads and the value the step gets. */
    record Choice(String label, String value) {
    }

    /** {@code rolling(replacement: ...)}: every policy of the core. */
    static List<Choice> replacement() {
        List<Choice> choices = new ArrayList<>();
        for (Replacement policy : Replacement.values()) {
            choices.add(new Choice(Messages.get("RollingStrategy.replacement." + policy.id()), policy.id()));
        }
        return choices;
    }

    /** A canary analysis's {@code inconclusive: ...}: probe the canary's replicas, or fail the step. */
    static List<Choice> inconclusive() {
        List<Choice> choices = new ArrayList<>();
        for (String fallback : new String[] {"synthetic", "fail"}) {
            choices.add(new Choice(Messages.get("MeasuredAnalysisSource.inconclusive." + fallback), fallback));
        }
        return choices;
    }

    /** {@code containerVerify(onFailure: ...)}: fail, unstable, rollback. */
    static List<Choice> onFailure() {
        List<Choice> choices = new ArrayList<>();
        for (OnFailure action : new OnFailure[] {OnFailure.FAIL, OnFailure.UNSTABLE, OnFailure.ROLLBACK}) {
            choices.add(new Choice(Messages.get("ContainerVerifyStep.onFailure." + action.id()), action.id()));
        }
        return choices;
    }

    /** The choices as the form's list. */
    static ListBoxModel listBox(List<Choice> choices) {
        ListBoxModel items = new ListBoxModel();
        for (Choice choice : choices) {
            items.add(choice.label(), choice.value());
        }
        return items;
    }
}
