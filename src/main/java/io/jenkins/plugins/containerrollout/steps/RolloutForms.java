package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.RequestException;
import hudson.model.Item;
import hudson.util.FormValidation;

/**
 * Form validation of the deploy, verify and rollback steps and their nested settings. Wherever the core already
 * validates a value, the form asks the core (so the Snippet Generator says exactly what the step would say at run
 * time); the plain parts return the problem as text so they are tested without Jenkins.
 *
 * <p>Usage: {@code return RolloutForms.check(item, () -> RolloutStrategy.rolling(value, "1"));}
 */
final class RolloutForms {
    private RolloutForms() {
    }

    /** A validation that throws {@link RequestException} naming the problem. */
    @FunctionalInterface
    interface Validation {
        void run();
    }

    /** The core's complaint about a value, or null when it accepts it (or the value is no number, see {@link #integer}). */
    static String problem(Validation validation) {
        try {
            validation.run();
            return null;
        } catch (RequestException e) {
            return e.getMessage();
        }
    }

    /** The form's verdict: nothing for users who may not configure {@code item}, else the core's complaint. */
    static FormValidation check(Item item, Validation validation) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        String problem = problem(validation);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /**
     * {@code text} as a whole number; blank counts as {@code fallback} (the field's default).
     *
     * @throws IllegalArgumentException naming {@code field} when it is not a whole number
     */
    static int integer(String field, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RequestException(field + ": '" + text.strip() + "' is not a whole number", e);
        }
    }

    /** {@code text} as a number; blank counts as {@code fallback}. */
    static double decimal(String field, String text, double fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new RequestException(field + ": '" + text.strip() + "' is not a number", e);
        }
    }

    /** Blank or null as null, else stripped. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
