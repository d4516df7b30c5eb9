package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * One round of a convergence, decided from what runs and nothing else: which replicas go, how many new ones start.
 * Pure, so the surge and availability rules are tested as a table ({@code BatchPlanTest}) and the rollout only
 * carries the decision out. The rules are a Kubernetes Deployment's: available replicas never drop below
 * {@code desired - maxUnavailable}, replicas never exceed {@code desired + maxSurge}.
 *
 * <p>Usage: {@code BatchPlan<R> p = BatchPlan.of(old, fresh, R::available, R::slot, new BatchPlan.Shape(4, 1, 0, false));}
 *
 * @param surplus       current replicas beyond {@code desired} to remove (scaling down), pending ones first
 * @param idle          old replicas that are not available: they count for nothing and can always go
 * @param holdOldColour blue-green: the whole new colour is available and the old one still runs, so the old colour
 *                      is kept for its scale-down delay before it goes
 * @param replaced      available old replicas to replace in this round, as many as availability allows
 * @param start         new replicas to start in this round
 * @param createAhead   containers to create ahead for the next round while this one comes up
 * @param stuck         nothing can change and nothing is pending: the settings allow no progress
 * @param <R>           the caller's replica type
 */
record BatchPlan<R>(List<R> surplus, List<R> idle, boolean holdOldColour, List<R> replaced, int start,
        int createAhead, boolean stuck) {

    /**
     * What the strategy allows for this convergence.
     *
     * @param desired        replicas wanted
     * @param surge          replicas above {@code desired} allowed
     * @param maxUnavailable replicas below {@code desired} that may be unavailable
     * @param blueGreen      whether the old colour is kept after the switch
     */
    record Shape(int desired, int surge, int maxUnavailable, boolean blueGreen) {
    }

    /** Whether the convergence is done: only current replicas run, as many as wanted, all available. */
    static <R> boolean done(List<R> old, List<R> fresh, Predicate<R> available, int desired) {
        return old.isEmpty() && fresh.size() == desired && fresh.stream().allMatch(available);
    }

    /**
     * Plans one round.
     *
     * @param old       replicas of other revisions that run
     * @param fresh     replicas of the target revision that run (available or pending)
     * @param available whether a replica passed its health gate
     * @param slot      a replica's slot (a higher one goes first among equals when scaling down)
     */
    static <R> BatchPlan<R> of(List<R> old, List<R> fresh, Predicate<R> available, ToIntFunction<R> slot, Shape shape) {
        int n = shape.desired();
        int availableNow = count(old, available) + count(fresh, available);
        int floor = n - shape.maxUnavailable();
        List<R> freshLeft = new ArrayList<>(fresh);
        List<R> surplus = new ArrayList<>();
        while (freshLeft.size() > n) {
            R victim = freshLeft.stream().min(Comparator.comparing((R r) -> available.test(r))
                    .thenComparing(r -> -slot.applyAsInt(r))).orElseThrow();
            if (available.test(victim) && availableNow - 1 < floor) {
                break;
            }
            availableNow -= available.test(victim) ? 1 : 0;
            freshLeft.remove(victim);
            surplus.add(victim);
        }
        List<R> idle = old.stream().filter(available.negate()).toList();
        List<R> oldLeft = old.stream().filter(available).toList();
        boolean hold = shape.blueGreen() && !oldLeft.isEmpty() && count(freshLeft, available) >= n;
        List<R> replaced = new ArrayList<>();
        for (R r : oldLeft) {
            if (availableNow - 1 < floor) {
                break;
            }
            availableNow--;
            replaced.add(r);
        }
        int running = oldLeft.size() - replaced.size() + freshLeft.size();
        int start = Math.max(0, Math.min(n + shape.surge() - running, n - freshLeft.size()));
        int createAhead = Math.max(0, Math.min(start, n - freshLeft.size() - start));
        boolean changed = !surplus.isEmpty() || !idle.isEmpty() || !replaced.isEmpty() || start > 0;
        boolean pending = freshLeft.stream().anyMatch(available.negate());
        return new BatchPlan<>(List.copyOf(surplus), idle, hold, List.copyOf(replaced), start, createAhead,
                !changed && !pending);
    }

    /** Whether this round changes anything (a batch delay follows only a round that did). */
    boolean changed() {
        return !surplus.isEmpty() || !idle.isEmpty() || !replaced.isEmpty() || start > 0;
    }

    private static <R> int count(List<R> replicas, Predicate<R> available) {
        return (int) replicas.stream().filter(available).count();
    }
}
