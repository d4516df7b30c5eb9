package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a rollout replaces replicas: one record per strategy, each holding only the settings it uses, plus the
 * {@link RolloutGates} every strategy shares. Code that needs a strategy's own settings tests its type
 * ({@code strategy instanceof RolloutStrategy.Rolling r}); what every strategy answers (surge, unavailable, ports)
 * is a method here, so the rollout loop never switches on a name.
 *
 * <p>Usage: {@code RolloutStrategy.rolling("1", "0").withBatchDelay(Duration.ofSeconds(2))
 * .withGates(RolloutGates.defaults().withProgressDeadlineSeconds(120))}
 */
public sealed interface RolloutStrategy extends Serializable {

    /** The gates this strategy runs with. */
    RolloutGates gates();

    /** The same strategy with other gates. */
    RolloutStrategy withGates(RolloutGates gates);

    /** The strategy's name as the steps and the CLI spell it: {@code recreate}, {@code rolling}, {@code blueGreen}, {@code canary}. */
    String name();

    /** Replicas above {@code desired} a rollout may run at once. */
    int surge(int desired);

    /** Replicas of {@code desired} that may be unavailable at once. */
    int unavailable(int desired);

    /** Whether clients reach the replicas through a router that this strategy must steer (blue-green, canary). */
    default boolean movesTraffic() {
        return false;
    }

    /**
     * Whether a batch of {@code desired} replicas waits for the stops of the replicas it replaces before the next one
     * starts (the running containers then never exceed {@code desired + surge}).
     */
    default boolean waitsForStops(int desired) {
        return true;
    }

    /**
     * The ports (slots) a rollout of {@code desired} replicas takes from the port base: the replicas and their surge,
     * and for a rolling update that does not wait for stops, room for as many replicas still stopping.
     */
    default int ports(int desired) {
        return desired + surge(desired) + (waitsForStops(desired) ? 0 : surge(desired));
    }

    /** The resolved settings for the record, as a person writes them: what this strategy means for {@code desired}. */
    default Map<String, String> describe(int desired) {
        Map<String, String> m = new LinkedHashMap<>();
        own(m, desired);
        RolloutGates g = gates();
        m.put("minReadySeconds", String.valueOf(g.minReadySeconds()));
        m.put("progressDeadlineSeconds", String.valueOf(g.progressDeadlineSeconds()));
        m.put("failureRatio", String.valueOf(g.failureRatio()));
        m.put("autoRollback", String.valueOf(g.autoRollback()));
        return m;
    }

    /** Puts this strategy's own settings into {@code m} (the gates follow them). */
    void own(Map<String, String> m, int desired);

    /** Shorthand for {@code withGates(gates().withMinReadySeconds(seconds))}. */
    default RolloutStrategy withMinReadySeconds(int seconds) {
        return withGates(gates().withMinReadySeconds(seconds));
    }

    /** Shorthand for {@code withGates(gates().withProgressDeadlineSeconds(seconds))}. */
    default RolloutStrategy withProgressDeadlineSeconds(int seconds) {
        return withGates(gates().withProgressDeadlineSeconds(seconds));
    }

    /** Shorthand for {@code withGates(gates().withFailureRatio(ratio))}. */
    default RolloutStrategy withFailureRatio(double ratio) {
        return withGates(gates().withFailureRatio(ratio));
    }

    /** Shorthand for {@code withGates(gates().withAutoRollback(enabled))}. */
    default RolloutStrategy withAutoRollback(boolean enabled) {
        return withGates(gates().withAutoRollback(enabled));
    }

    /** Stop every old replica, then start the new ones. */
    static Recreate recreate() {
        return new Recreate(RolloutGates.defaults());
    }

    /** Rolling update with Kubernetes' defaults: 25% surge, 25% unavailable, 600 s deadline, automatic rollback. */
    static Rolling rolling() {
        return rolling("25%", "25%");
    }

    /** Rolling update with these amounts (counts or percentages) and the default gates. */
    static Rolling rolling(String maxSurge, String maxUnavailable) {
        return new Rolling(maxSurge, maxUnavailable, Duration.ZERO, Replacement.STOP_STARTED, RolloutGates.defaults());
    }

    /** Blue-green keeping the old colour 30 s after the switch. */
    static BlueGreen blueGreen() {
        return new BlueGreen(30, RolloutGates.defaults());
    }

    /** Canary with this plan and the default gates. */
    static Canary canary(CanaryPlan plan) {
        return new Canary(plan, RolloutGates.defaults());
    }

    /** The strategy named {@code name} ({@code rolling}, {@code recreate}, {@code blueGreen} or {@code canary}) with its defaults. */
    static RolloutStrategy named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "recreate" -> recreate();
            case "rolling", "rollingupdate" -> rolling();
            case "bluegreen", "blue-green", "blue_green" -> blueGreen();
            case "canary" -> canary(CanaryPlan.defaults());
            default -> throw new RequestException("strategy: unknown '" + name
                    + "'; use 'rolling', 'recreate', 'blueGreen' or 'canary'");
        };
    }

    /**
     * Recreate: stop every old replica, then start the new ones; never surges, may take all replicas down.
     *
     * @param gates the shared gates
     */
    record Recreate(RolloutGates gates) implements RolloutStrategy {
        public Recreate {
            gates = gates == null ? RolloutGates.defaults() : gates;
        }

        @Override
        public Recreate withGates(RolloutGates g) {
            return new Recreate(g);
        }

        @Override
        public String name() {
            return "recreate";
        }

        @Override
        public int surge(int desired) {
            return 0;
        }

        @Override
        public int unavailable(int desired) {
            return desired;
        }

        @Override
        public void own(Map<String, String> m, int desired) {
            // recreate has no settings of its own
        }
    }

    /**
     * Rolling update in batches bounded by maxSurge and maxUnavailable, as a Kubernetes Deployment.
     *
     * @param maxSurge       replicas above the desired count during the update: a count ({@code "1"}) or a percentage
     *                       of desired replicas ({@code "25%"}, rounded up)
     * @param maxUnavailable replicas below the desired count that may be unready: a count or a percentage (rounded
     *                       down); never violated at any moment of the update
     * @param batchDelay     pause between batches
     * @param replacement    whether a batch waits until the replicas it replaces have stopped; never null
     * @param gates          the shared gates
     */
    record Rolling(String maxSurge, String maxUnavailable, Duration batchDelay, Replacement replacement,
            RolloutGates gates) implements RolloutStrategy {
        public Rolling {
            Amounts.check("maxSurge", maxSurge);
            Amounts.check("maxUnavailable", maxUnavailable);
            if (batchDelay == null || batchDelay.isNegative()) {
                throw new RequestException("batchDelaySeconds: must be 0 or more (got " + batchDelay + ")");
            }
            replacement = replacement == null ? Replacement.STOP_STARTED : replacement;
            gates = gates == null ? RolloutGates.defaults() : gates;
            if (Amounts.isZero(maxSurge) && Amounts.isZero(maxUnavailable)) {
                throw new RequestException("maxSurge/maxUnavailable: both are 0, so no replica could ever be "
                        + "replaced; set maxSurge to 1 (or more) or maxUnavailable to 1 (or more)");
            }
        }

        @Override
        public Rolling withGates(RolloutGates g) {
            return new Rolling(maxSurge, maxUnavailable, batchDelay, replacement, g);
        }

        public Rolling withBatchDelay(Duration delay) {
            return new Rolling(maxSurge, maxUnavailable, delay, replacement, gates);
        }

        public Rolling withReplacement(Replacement policy) {
            return new Rolling(maxSurge, maxUnavailable, batchDelay, policy, gates);
        }

        @Override
        public String name() {
            return "rolling";
        }

        /** Percentages round up (Kubernetes). */
        @Override
        public int surge(int desired) {
            return Amounts.resolve(maxSurge, desired, true);
        }

        /**
         * Percentages round down (Kubernetes); when both amounts round to 0, one replica may be unavailable, as
         * Kubernetes resolves that fencepost.
         */
        @Override
        public int unavailable(int desired) {
            int u = Math.min(desired, Amounts.resolve(maxUnavailable, desired, false));
            return u == 0 && surge(desired) == 0 ? 1 : u;
        }

        /**
         * With {@link Replacement#STOP_COMPLETE}, and when maxSurge is 0: a take-down-first update has no surge a
         * replica still stopping could run in, so maxUnavailable is its only budget.
         */
        @Override
        public boolean waitsForStops(int desired) {
            return replacement == Replacement.STOP_COMPLETE || surge(desired) == 0;
        }

        @Override
        public void own(Map<String, String> m, int desired) {
            m.put("maxSurge", Amounts.describe(maxSurge, surge(desired)));
            m.put("maxUnavailable", Amounts.describe(maxUnavailable, unavailable(desired)));
            m.put("batchDelaySeconds", Amounts.seconds(batchDelay));
            m.put("replacement", replacement.id());
        }
    }

    /**
     * Blue-green and canary: the new revision runs beside the old one, at full size before traffic has moved (a whole
     * second colour; a canary's promotion), and the router moves the traffic, so no replica is ever unavailable.
     */
    sealed interface SideBySide extends RolloutStrategy permits BlueGreen, Canary {
        @Override
        default int surge(int desired) {
            return desired;
        }

        @Override
        default int unavailable(int desired) {
            return 0;
        }

        @Override
        default boolean movesTraffic() {
            return true;
        }
    }

    /**
     * Blue-green: start a full set of the new colour beside the old, verify it, switch all traffic at once, keep the
     * old colour {@code scaleDownDelaySeconds} for an instant switch back, then stop it. Without {@code autoPromote}
     * the rollout stops before the switch: the new colour serves only on the router's preview address, the deploy
     * returns {@code PAUSED}, and {@code promote} switches (a rollback aborts).
     *
     * @param scaleDownDelaySeconds how long the old colour keeps running after traffic switched
     * @param autoPromote           whether traffic switches as soon as the new colour is healthy
     * @param gates                 the shared gates
     */
    record BlueGreen(int scaleDownDelaySeconds, boolean autoPromote, RolloutGates gates) implements SideBySide {
        public BlueGreen {
            if (scaleDownDelaySeconds < 0) {
                throw new RequestException("scaleDownDelaySeconds: must be 0 or more (got " + scaleDownDelaySeconds
                        + ")");
            }
            gates = gates == null ? RolloutGates.defaults() : gates;
        }

        /** Switching as soon as the new colour is healthy. */
        public BlueGreen(int scaleDownDelaySeconds, RolloutGates gates) {
            this(scaleDownDelaySeconds, true, gates);
        }

        @Override
        public BlueGreen withGates(RolloutGates g) {
            return new BlueGreen(scaleDownDelaySeconds, autoPromote, g);
        }

        public BlueGreen withScaleDownDelaySeconds(int seconds) {
            return new BlueGreen(seconds, autoPromote, gates);
        }

        /** Off: the new colour waits on the preview address for {@code promote}. */
        public BlueGreen withAutoPromote(boolean enabled) {
            return new BlueGreen(scaleDownDelaySeconds, enabled, gates);
        }

        @Override
        public String name() {
            return "blueGreen";
        }

        @Override
        public void own(Map<String, String> m, int desired) {
            m.put("scaleDownDelaySeconds", String.valueOf(scaleDownDelaySeconds));
            m.put("autoPromote", String.valueOf(autoPromote));
        }
    }

    /**
     * Canary: start {@link CanaryPlan#canaryReplicas} replicas of the new revision beside the stable ones, move
     * traffic to them by router weights step by step, analyse each step, then promote (the new revision at full size,
     * 100 % of the traffic, the stable one stopped and kept) or abort and roll back.
     *
     * @param plan  the weight steps and the analysis between them; never null
     * @param gates the shared gates
     */
    record Canary(CanaryPlan plan, RolloutGates gates) implements SideBySide {
        public Canary {
            plan = plan == null ? CanaryPlan.defaults() : plan;
            gates = gates == null ? RolloutGates.defaults() : gates;
        }

        @Override
        public Canary withGates(RolloutGates g) {
            return new Canary(plan, g);
        }

        @Override
        public String name() {
            return "canary";
        }

        @Override
        public void own(Map<String, String> m, int desired) {
            plan.describe(m, desired);
        }
    }
}
