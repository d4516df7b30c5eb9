package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Everything {@code containerRollback} needs: which application, and which kept revision to restore. The replica
 * spec, image and health path come from the revision record in the engine; the replica count stays what the
 * application currently desires (as {@code kubectl rollout undo} does).
 *
 * <p>Usage: {@code RollbackRequest.previous(host, "web")} or {@code RollbackRequest.to(host, "web", 3)}
 *
 * @param host       the engine
 * @param app        application name
 * @param toRevision the revision to restore, or 0 for the one before the current
 * @param strategy   how to replace the current replicas (rolling by default)
 * @param probe      probe timings; the path is the one recorded with the revision
 * @param takesTraffic whether the replicas serve traffic through the deployer's router (false: a Compose service that
 *                   publishes no port, which no router backend names)
 */
public record RollbackRequest(DockerHost host, String app, int toRevision, RolloutStrategy strategy,
        ProbeSettings probe, boolean takesTraffic) implements Serializable {

    public RollbackRequest {
        if (host == null) {
            throw new RequestException("host: required; give the engine address (dockerHost, --docker-host) or set DOCKER_HOST");
        }
        AppName.check(app);
        if (toRevision < 0) {
            throw new RequestException("toRevision: " + toRevision + " is not a revision; use 0 (previous) or "
                    + "a revision number from the history");
        }
        if (strategy == null || probe == null) {
            throw new RequestException("strategy: required, and the readiness probe (healthPath); the defaults are rolling and /");
        }
    }

    /** A rollback whose replicas serve traffic through the deployer's router, if it has one. */
    public RollbackRequest(DockerHost host, String app, int toRevision, RolloutStrategy strategy, ProbeSettings probe) {
        this(host, app, toRevision, strategy, probe, true);
    }

    /** Back to the revision before the current one, rolling, default probe timings. */
    public static RollbackRequest previous(DockerHost host, String app) {
        return to(host, app, 0);
    }

    /** Back to revision {@code revision}, rolling, default probe timings. */
    public static RollbackRequest to(DockerHost host, String app, int revision) {
        return new RollbackRequest(host, app, revision, RolloutStrategy.rolling(), ProbeSettings.defaults());
    }

    /**
     * The kept revision this rollback restores when the app is on revision {@code current}, if there is one:
     * {@code toRevision}, or the newest kept before {@code current} when it is 0. One rule for every engine, whatever
     * type its revisions have; usage: {@code request.target(kept, Revision::number, current)}.
     *
     * @param kept   the app's kept revisions, in any order
     * @param number a revision's number
     */
    public <R> Optional<R> target(List<R> kept, ToIntFunction<R> number, int current) {
        return kept.stream().filter(r -> toRevision == 0 ? number.applyAsInt(r) < current
                : number.applyAsInt(r) == toRevision).max(Comparator.comparingInt(number));
    }

    /**
     * {@link #target}, or a refusal naming {@code toRevision}, the current revision and the kept ones.
     *
     * @throws IllegalArgumentException when no kept revision fits
     */
    public <R> R pick(List<R> kept, ToIntFunction<R> number, int current) {
        String numbers = kept.stream().mapToInt(number).sorted().mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        String facts = "(current: " + current + "; kept revisions: " + (numbers.isEmpty() ? "none" : numbers) + ")";
        return target(kept, number, current).orElseThrow(() -> new RequestException(toRevision == 0
                ? "toRevision: app '" + app + "' keeps no revision before the current one " + facts
                : "toRevision: revision " + toRevision + " of app '" + app + "' is not kept " + facts));
    }

    public RollbackRequest withStrategy(RolloutStrategy newStrategy) {
        return new RollbackRequest(host, app, toRevision, newStrategy, probe, takesTraffic);
    }

    public RollbackRequest withProbe(ProbeSettings newProbe) {
        return new RollbackRequest(host, app, toRevision, strategy, newProbe, takesTraffic);
    }

    /** {@code false}: the replicas stay out of the deployer's router (a worker that listens on nothing). */
    public RollbackRequest withTakesTraffic(boolean traffic) {
        return new RollbackRequest(host, app, toRevision, strategy, probe, traffic);
    }
}
