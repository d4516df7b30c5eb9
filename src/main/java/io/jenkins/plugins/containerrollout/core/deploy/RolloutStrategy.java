package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a rollout replaces replicas, and when it gives up.
 *
 * <p>Usage: {@code RolloutStrategy.rolling("1", "0").withMinReadySeconds(2).withProgressDeadlineSeconds(120)}
 *
 * @param kind                    {@link Kind#RECREATE}, {@link Kind#ROLLING}, {@link Kind#BLUE_GREEN} or
 *                                {@link Kind#CANARY}
 * @param maxSurge                replicas above the desired count during a rolling update: a count ({@code "1"}) or
 *                                a percentage of desired replicas ({@code "25%"}, rounded up)
 * @param maxUnavailable          replicas below the desired count that may be unready: a count or a percentage
 *                                (rounded down); never violated at any moment of a rolling update
 * @param batchDelay              pause between rolling batches
 * @param minReadySeconds         how long a new replica must stay ready before it counts as available
 * @param progressDeadlineSeconds how long a rollout may go without a replica becoming available before it fails
 * @param failureRatio            failed new replicas / started new replicas tolerated (failed ones are replaced)
 *                                before the rollout fails; 0 fails on the first failure
 * @param autoRollback            restore the previous revision when the rollout fails; else leave it paused
 * @param scaleDownDelaySeconds   blue-green: how long the old colour keeps running after traffic switched, for an
 *                                instant switch back (ignored by the other strategies)
 * @param canary                  canary: the weight steps and the analysis between them (ignored by the other
 *                                strategies; never null)
 * @param replacement             rolling: whether a batch waits until the replicas it replaces have stopped
 *                                ({@link Replacement#STOP_COMPLETE}) or starts as soon as their stop began
 *                                ({@link Replacement#STOP_STARTED}, the default, as Kubernetes Deployments do); never null
 */
public record RolloutStrategy(
        Kind kind,
        String maxSurge,
        String maxUnavailable,
        Duration batchDelay,
        int minReadySeconds,
        int progressDeadlineSeconds,
        double failureRatio,
        boolean autoRollback,
        int scaleDownDelaySeconds,
        CanaryPlan canary,
        Replacement replacement) implements Serializable {

    /**
     * When a rolling batch may start, relative to the stops of the replicas it replaces; Kubernetes calls this a
     * Deployment's pod replacement policy ({@code TerminationStarted} / {@code TerminationComplete}).
     */
    public enum Replacement {
        /**
         * The next batch starts while the replaced replicas stop: they serve no more (the router dropped them first),
         * so they count against neither maxSurge nor availability, but they still hold their ports and memory until
         * they exit; the new replicas take other free ports. The fastest rolling update.
         */
        STOP_STARTED("stopStarted"),
        /**
         * The next batch starts only once the replaced replicas have exited: running containers never exceed
         * {@code replicas + maxSurge}, for hosts without room for more (memory, licences, ports).
         */
        STOP_COMPLETE("stopComplete");

        private final String id;

        Replacement(String id) {
            this.id = id;
        }

        /** {@code stopStarted} or {@code stopComplete}: the name the steps and the CLI use. */
        public String id() {
            return id;
        }

        /** Parses {@link #id()}; blank means the default; anything else is a clear error. */
        public static Replacement parse(String name) {
            if (name == null || name.isBlank()) {
                return STOP_STARTED;
            }
            for (Replacement r : values()) {
                if (r.id.equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("replacement: unknown '" + name + "'; use 'stopStarted' (start the next "
                    + "batch while replaced replicas stop, the default) or 'stopComplete' (wait until they have stopped)");
        }
    }

    /** The strategies; {@link #BLUE_GREEN} and {@link #CANARY} need a {@code TrafficRouter} in front of the replicas. */
    public enum Kind {
        RECREATE, ROLLING, BLUE_GREEN, CANARY;

        /** Parses {@code recreate} / {@code rolling} / {@code blueGreen} / {@code canary}; anything else is a clear error. */
        public static Kind parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (n) {
                case "recreate" -> RECREATE;
                case "rolling", "rollingupdate" -> ROLLING;
                case "bluegreen", "blue-green", "blue_green" -> BLUE_GREEN;
                case "canary" -> CANARY;
                default -> throw new IllegalArgumentException("strategy: unknown '" + name
                        + "'; use 'rolling', 'recreate', 'blueGreen' or 'canary'");
            };
        }
    }

    public RolloutStrategy {
        if (kind == null) {
            throw new IllegalArgumentException("strategy: required; use 'rolling', 'recreate', 'blueGreen' or 'canary'");
        }
        if (canary == null) {
            canary = CanaryPlan.defaults();
        }
        if (replacement == null) {
            replacement = Replacement.STOP_STARTED;
        }
        if (scaleDownDelaySeconds < 0) {
            throw new IllegalArgumentException("scaleDownDelaySeconds: must be 0 or more (got " + scaleDownDelaySeconds
                    + ")");
        }
        parseAmount("maxSurge", maxSurge);
        parseAmount("maxUnavailable", maxUnavailable);
        if (batchDelay == null || batchDelay.isNegative()) {
            throw new IllegalArgumentException("batchDelay: must be 0 or more (got " + batchDelay + ")");
        }
        if (minReadySeconds < 0) {
            throw new IllegalArgumentException("minReadySeconds: must be 0 or more (got " + minReadySeconds + ")");
        }
        if (progressDeadlineSeconds < 1) {
            throw new IllegalArgumentException("progressDeadlineSeconds: must be at least 1 (got "
                    + progressDeadlineSeconds + "); the default is 600");
        }
        if (!(failureRatio >= 0 && failureRatio < 1)) {
            throw new IllegalArgumentException("failureRatio: must be in [0, 1) (got " + failureRatio + ")");
        }
        if (kind == Kind.ROLLING && isZero(maxSurge) && isZero(maxUnavailable)) {
            throw new IllegalArgumentException("maxSurge/maxUnavailable: both are 0, so no replica could ever be "
                    + "replaced; set maxSurge to 1 (or more) or maxUnavailable to 1 (or more)");
        }
    }

    /** The settings of every strategy but canary, with the default {@link CanaryPlan}. */
    public RolloutStrategy(Kind kind, String maxSurge, String maxUnavailable, Duration batchDelay, int minReadySeconds,
            int progressDeadlineSeconds, double failureRatio, boolean autoRollback, int scaleDownDelaySeconds) {
        this(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds, progressDeadlineSeconds, failureRatio,
                autoRollback, scaleDownDelaySeconds, CanaryPlan.defaults(), Replacement.STOP_STARTED);
    }

    /** Rolling update with Kubernetes' defaults: 25% surge, 25% unavailable, 600 s deadline, automatic rollback. */
    public static RolloutStrategy rolling() {
        return rolling("25%", "25%");
    }

    public static RolloutStrategy rolling(String maxSurge, String maxUnavailable) {
        return new RolloutStrategy(Kind.ROLLING, maxSurge, maxUnavailable, Duration.ZERO, 0, 600, 0.0, true, 0);
    }

    /**
     * Blue-green: start a full set of the new colour beside the old, verify it, switch all traffic at once, keep the
     * old colour {@code scaleDownDelaySeconds} (default 30) for an instant switch back, then stop it.
     */
    public static RolloutStrategy blueGreen() {
        return new RolloutStrategy(Kind.BLUE_GREEN, "100%", "0", Duration.ZERO, 0, 600, 0.0, true, 30);
    }

    public RolloutStrategy withScaleDownDelaySeconds(int seconds) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds,
                progressDeadlineSeconds, failureRatio, autoRollback, seconds, canary, replacement);
    }

    /**
     * Canary: start {@link CanaryPlan#canaryReplicas} replicas of the new revision beside the stable ones, move
     * traffic to them by router weights step by step, analyse each step through the router, then promote (the new
     * revision at full size, 100 % of the traffic, the stable one stopped and kept) or abort and roll back.
     */
    public static RolloutStrategy canary(CanaryPlan plan) {
        return new RolloutStrategy(Kind.CANARY, "100%", "0", Duration.ZERO, 0, 600, 0.0, true, 0, plan, Replacement.STOP_STARTED);
    }

    public RolloutStrategy withCanary(CanaryPlan plan) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds,
                progressDeadlineSeconds, failureRatio, autoRollback, scaleDownDelaySeconds, plan, replacement);
    }

    /** Stop every old replica, then start the new ones. */
    public static RolloutStrategy recreate() {
        return new RolloutStrategy(Kind.RECREATE, "0", "100%", Duration.ZERO, 0, 600, 0.0, true, 0);
    }

    /** The strategy named {@code name} ({@code rolling}, {@code recreate}, {@code blueGreen} or {@code canary}) with its defaults. */
    public static RolloutStrategy named(String name) {
        return switch (Kind.parse(name)) {
            case RECREATE -> recreate();
            case ROLLING -> rolling();
            case BLUE_GREEN -> blueGreen();
            case CANARY -> canary(CanaryPlan.defaults());
        };
    }

    public RolloutStrategy withReplacement(Replacement policy) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds, progressDeadlineSeconds,
                failureRatio, autoRollback, scaleDownDelaySeconds, canary, policy);
    }

    /**
     * Whether a batch of {@code desired} replicas waits for the stops of the replicas it replaces: with
     * {@link Replacement#STOP_COMPLETE}, always for recreate (which stops everything first by definition), and when
     * maxSurge is 0: a take-down-first update has no surge a replica still stopping could run in, so maxUnavailable
     * is its only budget and running containers never exceed {@code desired}.
     */
    public boolean waitsForStops(int desired) {
        return kind == Kind.RECREATE || replacement == Replacement.STOP_COMPLETE || surge(desired) == 0;
    }

    public RolloutStrategy withBatchDelay(Duration delay) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, delay, minReadySeconds, progressDeadlineSeconds,
                failureRatio, autoRollback, scaleDownDelaySeconds, canary, replacement);
    }

    public RolloutStrategy withMinReadySeconds(int seconds) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, seconds, progressDeadlineSeconds,
                failureRatio, autoRollback, scaleDownDelaySeconds, canary, replacement);
    }

    public RolloutStrategy withProgressDeadlineSeconds(int seconds) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds, seconds,
                failureRatio, autoRollback, scaleDownDelaySeconds, canary, replacement);
    }

    public RolloutStrategy withFailureRatio(double ratio) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds,
                progressDeadlineSeconds, ratio, autoRollback, scaleDownDelaySeconds, canary, replacement);
    }

    public RolloutStrategy withAutoRollback(boolean enabled) {
        return new RolloutStrategy(kind, maxSurge, maxUnavailable, batchDelay, minReadySeconds,
                progressDeadlineSeconds, failureRatio, enabled, scaleDownDelaySeconds, canary, replacement);
    }

    /**
     * Surge replicas for {@code desired} replicas: percentages round up (Kubernetes). Recreate never surges;
     * blue-green surges a whole second colour, and so does canary (its promotion runs both revisions at full size
     * until the traffic moved).
     */
    public int surge(int desired) {
        return switch (kind) {
            case RECREATE -> 0;
            case BLUE_GREEN, CANARY -> desired;
            case ROLLING -> resolve(maxSurge, desired, true);
        };
    }

    /**
     * Replicas that may be unavailable for {@code desired} replicas: percentages round down (Kubernetes); when both
     * amounts round to 0, one replica may be unavailable, as Kubernetes resolves that fencepost.
     */
    public int unavailable(int desired) {
        if (kind != Kind.ROLLING) {
            return kind == Kind.RECREATE ? desired : 0;
        }
        int u = Math.min(desired, resolve(maxUnavailable, desired, false));
        return u == 0 && surge(desired) == 0 ? 1 : u;
    }

    /**
     * The ports (slots) a rollout of {@code desired} replicas takes from the port base: the replicas and their surge,
     * and for a rolling update that does not wait for stops, room for as many replicas still stopping.
     */
    public int ports(int desired) {
        return desired + surge(desired) + (kind == Kind.ROLLING && !waitsForStops(desired) ? surge(desired) : 0);
    }

    /** The resolved settings for the record: what this strategy means for {@code desired} replicas. */
    public Map<String, String> describe(int desired) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("maxSurge", maxSurge + " = " + surge(desired));
        m.put("maxUnavailable", maxUnavailable + " = " + unavailable(desired));
        m.put("batchDelayMillis", String.valueOf(batchDelay.toMillis()));
        m.put("minReadySeconds", String.valueOf(minReadySeconds));
        m.put("progressDeadlineSeconds", String.valueOf(progressDeadlineSeconds));
        m.put("failureRatio", String.valueOf(failureRatio));
        m.put("autoRollback", String.valueOf(autoRollback));
        if (kind == Kind.ROLLING) {
            m.put("replacement", replacement.id());
        }
        if (kind == Kind.BLUE_GREEN) {
            m.put("scaleDownDelaySeconds", String.valueOf(scaleDownDelaySeconds));
        }
        if (kind == Kind.CANARY) {
            canary.describe(m, desired);
        }
        return m;
    }

    static int resolve(String amount, int desired, boolean roundUp) {
        String a = amount.trim();
        if (a.endsWith("%")) {
            int pct = Integer.parseInt(a.substring(0, a.length() - 1).trim());
            return roundUp ? (int) Math.ceil(pct * desired / 100.0) : (int) Math.floor(pct * desired / 100.0);
        }
        return Integer.parseInt(a);
    }

    private static boolean isZero(String amount) {
        String a = amount.trim();
        return a.equals("0") || a.equals("0%");
    }

    private static void parseAmount(String name, String amount) {
        String hint = name + ": '" + amount + "' is not a count or a percentage; use e.g. '1' or '25%'";
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException(hint);
        }
        String a = amount.trim();
        boolean pct = a.endsWith("%");
        int value;
        try {
            value = Integer.parseInt(pct ? a.substring(0, a.length() - 1).trim() : a);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(hint, e);
        }
        if (value < 0 || (pct && value > 100)) {
            throw new IllegalArgumentException(name + ": '" + amount + "' is out of range; use 0 or more, or 0%-100%");
        }
    }
}
