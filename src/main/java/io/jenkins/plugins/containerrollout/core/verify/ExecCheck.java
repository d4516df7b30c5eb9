package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

import java.util.List;

/**
 * Runs a command inside one (the first by name) or every running container matching a label selector; each run must
 * exit 0 within the timeout. Output is kept, bounded, as evidence.
 *
 * <p>Usage: {@code new ExecCheck("config", "io.jenkins.containerrollout.app=web", List.of("test", "-f", "/www/version"), true, 0)}
 *
 * @param name          shown in logs and results; defaults to "exec"
 * @param labels        label selector: {@code key=value} or {@code key}, comma-separated
 * @param command       the command and its arguments (no shell unless you call one)
 * @param all           run in every matching container rather than one
 * @param timeoutMillis bound on each run; default 30000
 */
public record ExecCheck(
        String name,
        String labels,
        List<String> command,
        boolean all,
        long timeoutMillis) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "exec";

    public ExecCheck {
        name = orDefault(name, TYPE);
        String where = "exec check '" + name + "': ";
        require(!blank(labels), where + "labels is missing; give e.g. io.jenkins.containerrollout.app=NAME");
        LabelSelector.parse(labels, where + "labels");
        require(command != null && !command.isEmpty() && !blank(command.get(0)),
                where + "command is missing; give the program and its arguments, e.g. [\"sh\", \"-c\", \"test -f /ready\"]");
        command = List.copyOf(command);
        timeoutMillis = orDefault(timeoutMillis, 30_000, where + "timeoutMillis");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
