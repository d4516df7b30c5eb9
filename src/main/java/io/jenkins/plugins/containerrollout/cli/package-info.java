/**
 * The command-line front end ({@code container-rollout-cli.jar}): parses options into the same core requests the
 * Pipeline steps build, prints results as JSON on stdout and progress on stderr. Jenkins-free, like {@code core}.
 *
 * <p>Adding a subcommand: write a class implementing {@link io.jenkins.plugins.containerrollout.cli.Command} — its
 * name, a one-line summary, its {@link io.jenkins.plugins.containerrollout.cli.Options} and a {@code run} that maps
 * {@link io.jenkins.plugins.containerrollout.cli.ParsedOptions} to a core request and returns the core's record (or a
 * {@link io.jenkins.plugins.containerrollout.cli.CommandResult} carrying report entries and a failure for exit 1) —
 * then add one line to {@code Main.COMMANDS}. Help, usage errors (exit 2), failures (exit 1, one line), the JSON
 * output, and the run file and HTML report of commands that declare {@code RunReport.OPTIONS} come from
 * {@link io.jenkins.plugins.containerrollout.cli.Main}. Options shared by several commands live in
 * {@code EngineOptions} (engine, app, router) and {@code RolloutOptions} (strategy, probe).
 */
package io.jenkins.plugins.containerrollout.cli;
