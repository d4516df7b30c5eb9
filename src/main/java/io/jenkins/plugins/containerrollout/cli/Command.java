package io.jenkins.plugins.containerrollout.cli;

/**
 * One subcommand of the CLI ({@code build}, later {@code deploy}, {@code rollback}, ...). A command declares its
 * options, turns the parsed options into a core request, runs it, and returns the record to print as JSON; it never
 * prints the result itself or exits. Add one by writing a class and adding one line to {@link Main#COMMANDS}.
 *
 * <p>Usage: {@code Object result = new BuildCommand().run(options, terminal);}
 */
public interface Command {
    /** The word that selects the command: {@code container-rollout <name> ...}. */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** The options it accepts, in the order its help lists them. */
    Options options();

    /**
     * Runs the command.
     *
     * @return the result to print on stdout as one JSON object (Jackson serialises records as they are)
     * @throws UsageException       when the options make no sense together; exit code 2
     * @throws InterruptedException when the CLI is being stopped
     * @throws Exception            any other failure; its message, one line naming the cause, is printed; exit code 1
     */
    Object run(ParsedOptions options, Terminal terminal) throws Exception;

    /**
     * The command that handles these arguments: this one, or another form of it ({@code deploy --compose} is the
     * stack deploy, with options of its own).
     */
    default Command form(java.util.List<String> args) {
        return this;
    }
}
