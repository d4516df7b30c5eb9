package io.jenkins.plugins.containerrollout.core.verify.junit;

import java.io.Serializable;

/**
 * One failing or erroring test case, with just enough text to act on it: the message and a bounded excerpt of the
 * failure body and the case's output.
 *
 * <p>Usage: {@code report.failures().forEach(f -> log(f.displayName() + ": " + f.message()));}
 *
 * @param suite       innermost enclosing {@code <testsuite>} name, or "" when there is none
 * @param className   the case's {@code classname} (pytest module, jest describe block, Go package), or ""
 * @param name        the case's {@code name}
 * @param timeSeconds the case's {@code time}; 0 when absent
 * @param outcome     {@link CaseOutcome#FAILED} or {@link CaseOutcome#ERROR}
 * @param type        the failure's {@code type} attribute (exception class), or ""
 * @param message     the failure's {@code message} attribute, else the first line of its text
 * @param excerpt     failure text then system-out/err, at most {@link JunitParser#CASE_TEXT_LIMIT} characters
 */
public record FailedCase(
        String suite,
        String className,
        String name,
        double timeSeconds,
        CaseOutcome outcome,
        String type,
        String message,
        String excerpt) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code classname.name}, or just the name when there is no class name. */
    public String displayName() {
        // the canonical constructor does not normalise, so a case built by hand may carry a null class name
        return className == null || className.isEmpty() ? name : className + "." + name;
    }
}
