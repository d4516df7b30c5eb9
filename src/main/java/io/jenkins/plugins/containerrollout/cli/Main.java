package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.LeftRunning;
import io.jenkins.plugins.containerrollout.core.engine.EngineUnreachableException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entry point of {@code container-rollout-cli.jar}: {@code container-rollout <command> [options]}. Finds the
 * subcommand, parses its options, runs it and prints its result as one JSON object on stdout; progress and errors go
 * to stderr. Exit codes: 0 success (also a rollout that holds at a pause it was asked for, and the abort of one), 1
 * failure (one line naming the cause), 2 bad usage (one line and a hint to {@code --help}).
 *
 * <p>Usage: {@code int exit = Main.run(new String[] {"build", "--help"}, System.getenv(), System.in, System.out, System.err);}
 */
public final class Main {
    static final String PROGRAM = "container-rollout";

    /** Every subcommand; adding one is one line here and one class. */
    static final List<Command> COMMANDS = List.of(
            new BuildCommand(),
            new DeployCommand(),
            new PromoteCommand(),
            new RollbackCommand(),
            AppQueryCommand.status(),
            AppQueryCommand.history(),
            AppQueryCommand.logs(),
            new VerifyCommand(),
            new ReportCommand(),
            new RouterConfigCommand());

    /** How long an exiting CLI waits for stop calls still running (a kill takes the engine milliseconds). */
    private static final Duration STOPS_SENT = Duration.ofSeconds(1);

    private Main() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.getenv(), System.in, System.out, System.err);
        try {
            // the stops a deploy told before it returned: their requests reach the engine before this process ends
            LeftRunning.await(STOPS_SENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(exit);
    }

    /** Runs the CLI in-process and returns its exit code; nothing here calls {@code System.exit}. */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        Terminal terminal = new Terminal(env, stdin, out, err);
        if (args.length == 0) {
            err.println(PROGRAM + ": no command given (try '" + PROGRAM + " --help')");
            return 2;
        }
        if (isHelp(args[0])) {
            out.print(topHelp());
            return 0;
        }
        Optional<Command> found = command(args[0]);
        if (found.isEmpty()) {
            err.println(PROGRAM + ": unknown command \"" + args[0] + "\" (try '" + PROGRAM + " --help')");
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Command command = found.get().form(rest);
        for (String arg : rest) {
            if (isHelp(arg)) {
                out.print(help(command));
                return 0;
            }
        }
        try {
            ParsedOptions options = command.options().parse(rest);
            RunReport report = command.options().declares("--report") ? RunReport.from(options, terminal) : null;
            Object returned = command.run(options, terminal);
            CommandResult result = returned instanceof CommandResult c ? c : CommandResult.ok(returned);
            JsonOutput.print(result.output(), out);
            if (report != null) {
                report.save(result.entries());
            }
            if (result.failure() != null) {
                err.println(PROGRAM + " " + command.name() + ": " + oneLine(result.failure()));
                return 1;
            }
            return 0;
        } catch (UsageException e) {
            err.println(PROGRAM + " " + command.name() + ": " + e.getMessage() + " (try '" + PROGRAM + " " + command.name()
                    + " --help')");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(PROGRAM + " " + command.name() + ": interrupted");
            return 130;
        } catch (Exception e) {
            EngineUnreachableException unreachable = EngineUnreachableException.in(e);
            err.println(PROGRAM + " " + command.name() + ": "
                    + (unreachable != null ? unreachable.messageFor(EngineOptions.DOCKER_HOST.name()) : oneLine(e)));
            return 1;
        }
    }

    /**
     * The command named {@code name}. A loop, as {@link #topHelp} has: help and a status call start a fresh JVM, whose
     * first stream or regex costs it milliseconds of set-up (#17).
     */
    private static Optional<Command> command(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** A failure's message, first line only; an unexpected exception without one is named by its type. */
    private static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected " + e.getClass().getSimpleName();
        }
        return oneLine(message);
    }

    /** First line only, without the Java exception names a library put before its message. */
    private static String oneLine(String message) {
        int nl = message.indexOf('\n');
        return JavaNames.EXCEPTION.matcher(nl < 0 ? message : message.substring(0, nl)).replaceAll("");
    }

    /** Compiled on the first failure only: a command that succeeds never builds a regex (#17). */
    private static final class JavaNames {
        /** {@code java.net.SocketException: } and the like, which say nothing to a user of the command line. */
        static final Pattern EXCEPTION = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");
    }

    static String topHelp() {
        StringBuilder out = new StringBuilder("usage: " + PROGRAM + " <command> [options]\n\n"
                + "Build, roll out, verify and roll back container images on a Docker engine.\n\ncommands:\n");
        int width = 0;
        for (Command c : COMMANDS) {
            width = Math.max(width, c.name().length() + 2);
        }
        for (Command c : COMMANDS) {
            out.append("  ").append(c.name()).append(" ".repeat(width - c.name().length())).append(c.summary()).append('\n');
        }
        out.append("\nRun '").append(PROGRAM).append(" <command> --help' for a command's options.\n")
                .append("The result is printed as JSON on stdout, progress on stderr; exit 0 ok, 1 failed, 2 bad usage.\n")
                .append("A rollout that holds at a requested pause (PAUSED) exits 0: 'promote' continues it, 'rollback'\n")
                .append("aborts it (ABORTED, exit 0).\n")
                .append("The engine is --docker-host, else DOCKER_HOST (with DOCKER_TLS_VERIFY, DOCKER_CERT_PATH).\n\n")
                .append("Reports: build, deploy, promote, verify and rollback append what they did to a run file with --run-file FILE\n")
                .append("(or $").append(RunReport.RUN_FILE_ENV).append(", set once for a whole script), and write an HTML page\n")
                .append("with --report FILE.html (the whole run when there is a run file, else that command alone);\n")
                .append("'").append(PROGRAM).append(" report --run-file FILE --out FILE.html' renders a run file.\n");
        return out.toString();
    }

    static String help(Command command) {
        return "usage: " + PROGRAM + " " + command.name() + command.options().requiredSynopsis() + " [options]\n\n"
                + command.summary() + "\n\noptions:\n" + command.options().help();
    }
}
