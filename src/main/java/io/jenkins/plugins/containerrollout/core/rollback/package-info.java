/**
 * Acting on a verification: {@link io.jenkins.plugins.containerrollout.core.rollback.VerifyAndRollback} runs the
 * checks of {@code core.verify} and, when they ask for it, a rollback through {@code core.deploy}. It sits above both
 * so that neither imports the other's caller: {@code deploy} uses {@code verify}'s traffic analysis for canary steps,
 * and {@code verify} stays a pure judge that knows nothing of deployers.
 */
package io.jenkins.plugins.containerrollout.core.rollback;
