package io.jenkins.plugins.containerrollout.steps;

import hudson.model.Item;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Helpers shared by the steps' form validation: the permission gate every {@code doCheck*} applies, and the plain
 * parsing of form values (kept Jenkins-free so it is tested directly).
 *
 * <p>Usage: {@code if (!FormChecks.mayConfigure(item)) return FormValidation.ok();}
 */
final class FormChecks {
    private FormChecks() {
    }

    /** Whether the current user may configure {@code item} (or administer Jenkins when there is no item). */
    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** The non-blank lines of a text area, stripped. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** Whether {@code text} is a whole number of at least 1. */
    static boolean positiveInt(String text) {
        try {
            return text != null && Integer.parseInt(text.strip()) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
