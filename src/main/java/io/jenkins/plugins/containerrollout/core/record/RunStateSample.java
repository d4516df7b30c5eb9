package io.jenkins.plugins.containerrollout.core.record;

import java.io.Serializable;

/**
 * One point of the run state S(t) = ready / desired replicas.
 *
 * <p>Usage: {@code metrics.runState().get(0).value()}
 *
 * @param atMillis epoch milliseconds
 * @param ready    replicas passing their health gate at that moment (any revision)
 * @param value    {@code ready / desired}; above 1 while surge replicas are up
 */
public record RunStateSample(long atMillis, int ready, double value) implements Serializable {
}
