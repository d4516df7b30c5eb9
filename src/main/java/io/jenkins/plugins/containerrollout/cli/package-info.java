/**
 * The command-line front end ({@code container-rollout-cli.jar}): parses options into the same core requests the
 * Pipeline steps build, prints results as JSON on stdout and progress on stderr. Jenkins-free, like {@code core}.
 */
package io.jenkins.plugins.containerrollout.cli;
