/**
 * {@code containerVerify}'s core: HTTP probes, traffic analysis (success rate and latency), container health, exec
 * checks and smoke-test containers, run by {@link io.jenkins.plugins.containerrollout.core.verify.Verifier} into a
 * {@link io.jenkins.plugins.containerrollout.core.verify.VerificationResult} that carries measured evidence per check.
 * Requests are validated when built, so a bad check fails before anything runs.
 */
package io.jenkins.plugins.containerrollout.core.verify;
