package io.jenkins.plugins.containerrollout.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, stdin, stdout (the JSON result only) and stderr
 * (progress and errors). Passing it in, rather than using {@code System.*}, lets tests run the CLI in-process.
 *
 * <p>Usage: {@code new Terminal(System.getenv(), System.in, System.out, System.err)}
 */
public record Terminal(Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
}
