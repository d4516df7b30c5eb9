/**
 * The command-line front end ({@code container-rollout-cli.jar}): parses options into the same core requests the
 * Pipeline steps build, prints results as JSON on stdout and progress on stderr. Jenkins-free, like {@code core}.
 *
 * <p>Adding a subcommand ({@code deploy}, {@code rollback}, {@code history}, {@code status}, {@code verify}): write a
 * class implementing {@link io.jenkins.plugins.containerrollout.cli.Command} — its name, a one-line summary, its
 * {@link io.jenkins.plugins.containerrollout.cli.Options} and a {@code run} that maps
 * {@link io.jenkins.plugins.containerrollout.cli.ParsedOptions} to a core request and returns the core's record —
 * then add one line to {@code Main.COMMANDS}. Help, usage errors (exit 2), failures (exit 1, one line) and the JSON
 * output come from {@link io.jenkins.plugins.containerrollout.cli.Main}.
 */
package io.jenkins.plugins.containerrollout.cli;
