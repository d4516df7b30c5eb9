package io.jenkins.plugins.containerrollout.steps;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jvnet.localizer.LocaleProvider;

/**
 * Localizable texts of the steps' UI (display names, form validation, drop-down labels), from
 * {@code Messages.properties} beside this class; translations go in {@code Messages_<locale>.properties}.
 *
 * <p>Texts are in the language of the HTTP request being served (its {@code Accept-Language}), as Jenkins' generated
 * {@code Messages} classes are (localizer's {@code ResourceBundleHolder} asks {@code LocaleProvider}, which core's
 * {@code hudson.WebAppMain} points at {@code Functions.getCurrentLocale()}: the current Stapler request's locale, else
 * the JVM's); outside a request, the JVM's locale. No fallback to the JVM's locale for a
 * request whose language has no translation: that request gets the base (English) texts.
 *
 * <p>Usage: {@code FormValidation.error(Messages.get("ContainerBuildStep.noTags"))}
 */
final class Messages {
    private static final String BUNDLE = "io.jenkins.plugins.containerrollout.steps.Messages";
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text for {@code key} with {@code args} filled in ({@link MessageFormat} syntax), in the request's language. */
    static String get(String key, Object... args) {
        return format(locale(), key, args);
    }

    /** The text for {@code key} in {@code locale} (or the nearest translation, else the base texts). */
    static String format(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_JVM_FALLBACK)
                .getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The locale of the request this thread serves, or the JVM's when it serves none: localizer's provider, the one
     * Jenkins' generated {@code Messages} ask (set by core's {@code WebAppMain}; its default outside Jenkins is the
     * JVM's locale).
     */
    static Locale locale() {
        return LocaleProvider.getLocale();
    }
}
