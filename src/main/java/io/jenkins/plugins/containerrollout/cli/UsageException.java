package io.jenkins.plugins.containerrollout.cli;

/**
 * The command line is wrong (unknown option, missing value, bad number); the CLI prints the one-line message with a
 * hint to {@code --help} and exits with 2.
 *
 * <p>Usage: {@code throw new UsageException("--timeout wants a number of seconds, not \"soon\"");}
 */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
