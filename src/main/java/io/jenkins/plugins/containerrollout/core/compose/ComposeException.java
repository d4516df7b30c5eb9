package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.RequestException;

/**
 * A Compose file that cannot be deployed as it is: the message names the file, the place in it ({@code
 * services.web.ports[1]}), what is wrong and the fix. An {@link IllegalArgumentException}, so the CLI and the steps
 * report it as bad input, as they do for their own parameters.
 *
 * <p>Usage: {@code throw new ComposeException("services.web.privileged", "is not supported; remove it")}
 */
public class ComposeException extends RequestException {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String problem;

    /**
     * @param where   the place in the file, as a dotted path ({@code services.web.healthcheck.interval}); blank for
     *                the file as a whole
     * @param problem what is wrong and how to fix it
     */
    public ComposeException(String where, String problem) {
        this(null, where, problem);
    }

    private ComposeException(String file, String where, String problem) {
        super((file == null ? "" : "compose: " + file + ": ")
                + (where == null || where.isEmpty() ? problem : where + " " + problem));
        this.where = where == null ? "" : where;
        this.problem = problem;
    }

    /** The dotted path of the offending key, e.g. {@code services.web.healthcheck.interval}. */
    public String where() {
        return where;
    }

    /** The same error, its message starting with the file's name ({@code compose: deploy/compose.yaml: ...}). */
    ComposeException inFile(String file) {
        ComposeException e = new ComposeException(file, where, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
