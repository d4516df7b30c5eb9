package io.jenkins.plugins.containerrollout.steps;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Localizable texts of the steps' UI (display names, form validation), from {@code Messages.properties} beside this
 * class; translations go in {@code Messages_<locale>.properties}.
 *
 * <p>Usage: {@code FormValidation.error(Messages.get("ContainerBuildStep.noTags"))}
 */
final class Messages {
    private static final String BUNDLE = "io.jenkins.plugins.containerrollout.steps.Messages";

    private Messages() {
    }

    /** The text for {@code key} with {@code args} filled in ({@link MessageFormat} syntax). */
    static String get(String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE).getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
