package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.List;

/**
 * What every deployment target does for one application: roll it out, roll it back, and say what it runs. Implemented
 * by {@code core.deploy.docker.DockerDeployer} (containers on one engine) and {@code core.swarm.SwarmDeployer} (a
 * Swarm service), so the CLI and the steps choose the target once and the rest of their code is the same.
 *
 * <p>Usage: {@code try (AppDeployer d = new DockerDeployer(host)) { d.deploy(request, System.err::println); }}
 */
public interface AppDeployer extends AutoCloseable {
    /**
     * Rolls {@code request.app()} out to the request's image.
     *
     * @throws IllegalArgumentException a bad request, or one the target cannot do (nothing was changed)
     * @throws RolloutLockedException   another rollout of the application is in progress
     */
    RolloutRecord deploy(DeployRequest request, ProgressSink sink) throws InterruptedException;

    /**
     * Restores the previous revision of {@code request.app()}, or the one the request names.
     *
     * @throws IllegalArgumentException no such application or revision (nothing was changed)
     * @throws RolloutLockedException   another rollout of the application is in progress
     */
    RolloutRecord rollback(RollbackRequest request, ProgressSink sink) throws InterruptedException;

    /**
     * Continues the rollout of {@code request.app()} that holds at a pause ({@code PauseInfo}): a canary's next step
     * (or, {@code full}, straight to 100 %), or a blue-green switch. The record returned spans the whole rollout, from
     * the deploy that paused. A rollback of a paused application aborts it instead.
     *
     * @throws IllegalArgumentException no rollout of the application is paused, or the target has no pauses
     *                                  (nothing was changed)
     * @throws RolloutLockedException   another rollout of the application is in progress
     */
    default RolloutRecord promote(PromoteRequest request, ProgressSink sink) throws InterruptedException {
        throw new RequestException("promote: this target does not pause rollouts (canary and blue-green run on the "
                + "Docker-host target); there is nothing to promote for '" + request.app() + "'");
    }

    /**
     * Refuses up front what {@link #deploy} would refuse for this target whatever the engine's state (a strategy the
     * target does not have); a stack deploy asks it for every service before the first one moves. Accepts everything
     * by default.
     *
     * @throws IllegalArgumentException the message starting with the request's parameter ({@code strategy: ...})
     */
    default void requireSupported(DeployRequest request) {
    }

    /** Kept revisions of {@code app}, oldest first. */
    List<RevisionInfo> history(String app);

    /** Desired and ready replicas of {@code app} now, its serving ports and its last phase. */
    AppStatus status(String app);

    /**
     * The last {@code tail} log lines of every replica of {@code app}'s revision {@code revision} (0: the revision
     * serving now, or the one the last rollout left), running or kept: a failed revision's replicas stay until a
     * rollout succeeds, so their logs can be read here.
     *
     * @throws IllegalArgumentException no such application or revision, or a target that cannot read logs
     */
    default List<ReplicaLogs> logs(String app, int revision, int tail) {
        throw new io.jenkins.plugins.containerrollout.core.RequestException("logs: this target cannot read replica "
                + "logs yet; on a swarm use docker service logs " + app);
    }

    /** Removes {@code app} and its history from the target. */
    void remove(String app);

    /**
     * Keeps {@code revision} of a stack in the target (older ones beyond the last 20 are pruned). A target that cannot
     * keep stacks refuses.
     *
     * @throws IllegalArgumentException the target keeps no stack revisions (nothing was changed)
     */
    default void recordStack(StackRevision revision) {
        throw noStacks();
    }

    /**
     * Kept revisions of the stack {@code project}, oldest first; empty when it was never deployed.
     *
     * @throws IllegalArgumentException the target keeps no stack revisions
     */
    default List<StackRevision> stackHistory(String project) {
        throw noStacks();
    }

    /**
     * Makes the network {@code name} a stack's replicas join when it is missing, with its driver, labels and driver
     * options ({@code external}: it must exist, and is left as it is).
     *
     * @throws IllegalArgumentException the target runs replicas on the host network only, or the network cannot be
     *                                  made (nothing was changed)
     */
    default void ensureNetwork(String name, String driver, java.util.Map<String, String> labels,
            java.util.Map<String, String> driverOptions, boolean external) {
        throw new RequestException("networks: this target runs replicas on the host network; remove the service's "
                + "networks (or list only default)");
    }

    /**
     * Takes the lock of stack {@code project} for one stack deploy or rollback: a second one of the same project is
     * refused while it is held, so two can never record the same stack revision or interleave their services. The
     * lock lives in the target, like an app's, and is taken over when its owner process is gone.
     *
     * @param image an image the target has (a service's), for targets that keep records in containers
     * @throws RolloutLockedException another stack command of the project holds it
     */
    default StackLock lockStack(String project, String image) throws InterruptedException {
        throw noStacks();
    }

    /** A stack's lock, released by {@link #close}. */
    interface StackLock extends AutoCloseable {
        @Override
        void close();
    }

    private static RequestException noStacks() {
        return new RequestException("compose: this target keeps no stack revisions, so it cannot deploy a stack"
                + " (--compose, --project); use --target docker or swarm, or deploy each service as its own app");
    }

    /** Releases the engine client; throws nothing checked. */
    @Override
    void close();
}
