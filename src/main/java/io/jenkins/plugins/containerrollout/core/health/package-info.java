/**
 * Deciding whether one replica is ready: an HTTP readiness probe on loopback ({@link
 * io.jenkins.plugins.containerrollout.core.health.HttpProbe}) or the engine's own HEALTHCHECK status, fed into a
 * {@link io.jenkins.plugins.containerrollout.core.health.ReadinessGate} that applies thresholds, a startup bound and
 * {@code minReadySeconds}. Independent of Docker so the thresholds can be tested with a clock in hand.
 */
package io.jenkins.plugins.containerrollout.core.health;
