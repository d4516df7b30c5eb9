package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.LogMask;
import io.jenkins.plugins.containerrollout.core.deploy.RecordBuilder;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.record.TimelineEvent.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys and rolls back applications on a Docker Swarm: one replicated service per application on the host
 * network, our strategy mapped onto Swarm's update and rollback policies, progress followed through the task states
 * and {@code UpdateStatus}. All state is in the service's labels ({@link SwarmLabels}) and a Compose stack's revisions
 * in Swarm configs ({@link SwarmStacks}), so any later process can read the history or roll back; Swarm's optimistic
 * versioning refuses a change made on a stale spec.
 *
 * <p>Usage:
 * <pre>{@code
 * try (SwarmDeployer swarm = new SwarmDeployer(manager, null)) {
 *     RolloutRecord r = swarm.deploy(DeployRequest.of(manager, "web", "127.0.0.1:5000/web:7", 4, 37000), System.err::println);
 * }
 * }</pre>
 */
public final class SwarmDeployer implements AppDeployer {
    private static final Duration POLL = Duration.ofMillis(100);

    private final DockerHost host;
    private final RegistryCredentials credentials;
    private final SwarmApi api;

    /**
     * @param host        a swarm manager ({@code DOCKER_HOST} conventions, TLS included)
     * @param credentials registry credentials sent as {@code X-Registry-Auth} with every create, update and pull (the
     *                    manager hands them to the nodes), or null for open registries
     */
    public SwarmDeployer(DockerHost host, RegistryCredentials credentials) {
        this.host = host;
        this.credentials = credentials;
        this.api = new SwarmApi(host);
    }

    /**
     * Rolls {@code request.app()} out: creates its service, or updates it to a new revision (a spec equal to the
     * current one only changes the replica count). When Swarm rolls the update back on failure the outcome is
     * {@link Outcome#ROLLED_BACK}; with {@code autoRollback} off it is left where it stopped ({@link Outcome#FAILED},
     * phase PAUSED).
     *
     * @throws IllegalArgumentException a bad request, or a strategy Swarm cannot do (nothing was changed)
     * @throws RolloutLockedException   an update of the service is in progress
     */
    public RolloutRecord deploy(DeployRequest request, ProgressSink sink) throws InterruptedException {
        requireSameHost(request.host());
        SwarmRequests.requireSupported(request);
        String app = request.app();
        int n = request.replicas();
        JsonNode swarmInfo = requireManager();
        long startedAt = System.currentTimeMillis();
        Optional<JsonNode> service = api.service(app);
        service.ifPresent(s -> SwarmRequests.requireOurs(app, s));
        service.ifPresent(s -> SwarmRequests.requireIdle(app, s));
        Optional<SwarmRevision> current = service.map(SwarmDeployer::currentRevision);
        List<SwarmRevision> history = service.map(SwarmDeployer::history).orElse(List.of());
        int currentBank = service.map(s -> labels(s).path(SwarmLabels.PORT_BANK).asInt(0)).orElse(1);
        int currentBase = service.map(s -> labels(s).path(AppLabels.PORT_BASE).asInt(0)).orElse(0);
        ResolvedImage image = ResolvedImage.resolve(api, request.spec(), credentials, sink);
        String hash = SwarmRevision.hash(request.spec(), image.pinned(), request.probe().path());

        SwarmRevision target;
        List<SwarmRevision> keptHistory;
        int bank;
        boolean sameSpec = current.isPresent() && current.get().specHash().equals(hash)
                && currentBase == request.portBase();
        if (sameSpec) {
            target = current.get();
            keptHistory = history;
            bank = currentBank;
        } else {
            int number = Math.max(current.map(SwarmRevision::number).orElse(0),
                    history.stream().mapToInt(SwarmRevision::number).max().orElse(0)) + 1;
            target = new SwarmRevision(number, request.spec(), image.pinned(), image.id(), image.digest(), image.argv(),
                    hash, request.probe().path(), request.buildUrl(), request.commit(), startedAt, image.platforms(),
                    image.healthWindowMillis());
            keptHistory = SwarmRevision.keep(history, current.orElse(null), -1, request.revisionHistoryLimit());
            bank = 1 - currentBank;
        }
        int runningSlots = sameSpec ? service.get().path("Spec").path("Mode").path("Replicated").path("Replicas").asInt()
                : 0;
        PortCheck.requireFree(host, swarmInfo, app, request.portBase(), bank, runningSlots, n);
        ObjectNode spec = ServiceSpecs.spec(app, target, keptHistory, n, request.portBase(), bank, request.strategy(),
                request.probe());
        int from = current.map(SwarmRevision::number).orElse(0);
        TaskEvents events = new TaskEvents(app, sink);
        UpdateFollower follower = new UpdateFollower(api, events, app, POLL);
        if (service.isPresent()) {
            follower.awaitReplacedTasksExited(stopBound(current.get()), sink);
        }
        events.baseline(service.isPresent() ? api.tasks(app) : List.of(), startedAt);
        events.app(Type.PHASE, target.number(), "deploying revision " + target.number() + " (" + request.spec().image()
                + ") from revision " + from + ": " + n + " tasks, " + ServiceSpecs.order(spec));
        long sentAt = System.currentTimeMillis();
        if (service.isEmpty()) {
            api.createService(spec, credentials, image.registry());
        } else if (!ServiceSpecs.unchanged(spec, service.get())) { // else left alone: no new version, no restart
            api.updateService(service.get().path("ID").asText(), version(service.get()), spec, credentials,
                    image.registry());
        }
        // Swarm runs an update (and reports its state) only when the task template changed
        String expected = service.isPresent() && !sameSpec ? "completed" : null;
        Duration deadline = Duration.ofSeconds(request.strategy().gates().progressDeadlineSeconds());
        UpdateFollower.Result r = follower.follow(target.number(), n, expected, sentAt, deadline);
        Outcome outcome;
        String message;
        int serving;
        switch (r.end()) {
            case CONVERGED -> {
                outcome = Outcome.SUCCEEDED;
                message = n + "/" + n + " tasks on revision " + target.number();
                serving = target.number();
            }
            case ROLLED_BACK -> {
                events.app(Type.RESTORED, r.revision(), "revision " + r.revision() + " restored by swarm");
                outcome = Outcome.ROLLED_BACK;
                message = "revision " + target.number() + " failed (" + r.message() + events.lastFailure(target.number())
                        .map(f -> "; last failure: " + f).orElse("") + "); swarm rolled back to revision " + r.revision();
                serving = r.revision();
            }
            case PAUSED -> {
                outcome = Outcome.FAILED; // swarm paused the failed update: a failure left where it stopped
                message = "revision " + target.number() + " failed; update paused (autoRollback is off): "
                        + r.message() + "; deploy again or roll back";
                serving = from;
            }
            default -> {
                Ending e = afterStall(app, target, from, n, r, events, follower, request.strategy(), sentAt);
                outcome = e.outcome();
                message = e.message();
                serving = e.serving();
            }
        }
        return record(app, Operation.DEPLOY, from, target, serving, request.spec().image(), n, request.strategy(),
                spec, events, outcome, message, startedAt).withDiagnoses(TaskDiagnoses.of(api, app,
                events.failedTasks(), new LogMask(credentials, request.spec().env())));
    }

    private record Ending(Outcome outcome, String message, int serving) {
    }

    /**
     * The deadline passed, a task failed for good, or a rollback paused: roll back on the server when there is
     * something to go back to (a service that never served is removed).
     */
    private Ending afterStall(String app, SwarmRevision target, int from, int n, UpdateFollower.Result r,
            TaskEvents events, UpdateFollower follower, RolloutStrategy strategy, long sentAt)
            throws InterruptedException {
        String why = "revision " + target.number() + ": " + r.message() + (r.end() != UpdateFollower.End.DEADLINE ? ""
                : events.lastFailure(target.number()).map(f -> " (last failure: " + f + ")").orElse(""));
        if (r.end() == UpdateFollower.End.ROLLBACK_PAUSED) {
            return new Ending(Outcome.FAILED, why + "; swarm's rollback paused too", r.revision());
        }
        if (from == 0) {
            api.removeService(app);
            events.app(Type.PHASE, target.number(), "removed service " + app + ": no earlier revision to go back to");
            return new Ending(Outcome.FAILED, why + "; no earlier revision to roll back to", 0);
        }
        if (!strategy.gates().autoRollback()) {
            return new Ending(Outcome.FAILED, why + "; left where it stopped (autoRollback is off)", from);
        }
        rollBackUnlessSwarmDid(app, from);
        // since the update was sent: Swarm's own rollback keeps the update's start time, ours starts now
        UpdateFollower.Result back = follower.follow(from, n, "rollback_completed", sentAt,
                Duration.ofSeconds(strategy.gates().progressDeadlineSeconds()));
        if (back.end() != UpdateFollower.End.CONVERGED) {
            return new Ending(Outcome.FAILED, why + "; and the rollback to revision " + from + " failed too: "
                    + back.message(), back.revision());
        }
        events.app(Type.RESTORED, from, "revision " + from + " restored");
        return new Ending(Outcome.ROLLED_BACK, why + "; rolled back to revision " + from, from);
    }

    /**
     * Swarm's rollback to the previous spec, unless Swarm's own failure action got there first (the spec is revision
     * {@code from} already): a second rollback would swap the failed spec back in.
     */
    private void rollBackUnlessSwarmDid(String app, int from) {
        for (int attempt = 1; ; attempt++) {
            JsonNode s = api.service(app).orElseThrow();
            if (labels(s).path(AppLabels.REVISION).asInt() == from) {
                return;
            }
            try {
                api.rollbackService(s.path("ID").asText(), version(s), s.path("Spec"), credentials, null);
                return;
            } catch (SwarmException e) {
                // changed since it was read (Swarm starting its own rollback): read it again
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("out of sequence")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Restores the previous revision ({@code toRevision} 0) or a kept one. When it is the spec Swarm itself keeps as
     * previous, Swarm's own rollback does it ({@code rollback=previous}, the service's RollbackConfig); any other kept
     * revision is rebuilt from the history label and applied as an update.
     *
     * @throws IllegalArgumentException no such service or revision (nothing was changed)
     * @throws RolloutLockedException   an update of the service is in progress
     */
    public RolloutRecord rollback(RollbackRequest request, ProgressSink sink) throws InterruptedException {
        requireSameHost(request.host());
        SwarmRequests.requireSupported(request.strategy(), null);
        requireManager();
        long startedAt = System.currentTimeMillis();
        String app = request.app();
        JsonNode service = api.service(app).orElseThrow(() -> new RequestException("app: '" + app
                + "' has no service on the swarm at " + host.uri() + "; deploy it first"));
        SwarmRequests.requireOurs(app, service);
        SwarmRequests.requireIdle(app, service);
        SwarmRevision current = currentRevision(service);
        List<SwarmRevision> history = history(service);
        SwarmRevision to = request.pick(history, SwarmRevision::number, current.number());
        int n = service.path("Spec").path("Mode").path("Replicated").path("Replicas").asInt(1);
        int base = labels(service).path(AppLabels.PORT_BASE).asInt();
        JsonNode previous = service.path("PreviousSpec");
        boolean serverSide = previous.path("Labels").path(AppLabels.REVISION).asInt(-1) == to.number()
                && to.specHash().equals(previous.path("Labels").path(AppLabels.SPEC_HASH).asText());
        List<SwarmRevision> keptHistory = SwarmRevision.keep(history, current, to.number(), Integer.MAX_VALUE);
        TaskEvents events = new TaskEvents(app, sink);
        UpdateFollower follower = new UpdateFollower(api, events, app, POLL);
        follower.awaitReplacedTasksExited(stopBound(current), sink);
        events.baseline(api.tasks(app), startedAt);
        events.app(Type.ROLLBACK_STARTED, to.number(), "rolling back from revision " + current.number()
                + " to revision " + to.number() + " (" + to.spec().image() + ")"
                + (serverSide ? " with swarm's rollback" : " as an update"));
        Duration deadline = Duration.ofSeconds(request.strategy().gates().progressDeadlineSeconds());
        long sentAt = System.currentTimeMillis();
        JsonNode sent;
        UpdateFollower.Result r;
        if (serverSide) {
            sent = previous;
            api.rollbackService(service.path("ID").asText(), version(service), service.path("Spec"), credentials,
                    ResolvedImage.registryOf(to.image()));
            r = follower.follow(to.number(), n, "rollback_completed", sentAt, deadline);
            if (r.end() == UpdateFollower.End.CONVERGED) {
                relabelHistory(app, keptHistory);
            }
        } else {
            int bank = 1 - labels(service).path(SwarmLabels.PORT_BANK).asInt(0);
            ObjectNode spec = ServiceSpecs.spec(app, to, keptHistory, n, base, bank, request.strategy(),
                    request.probe());
            sent = spec;
            api.updateService(service.path("ID").asText(), version(service), spec, credentials,
                    ResolvedImage.registryOf(to.image()));
            r = follower.follow(to.number(), n, "completed", sentAt, deadline);
        }
        boolean ok = r.end() == UpdateFollower.End.CONVERGED;
        if (ok) {
            events.app(Type.RESTORED, to.number(), "revision " + to.number() + " restored");
        }
        String message = ok ? n + "/" + n + " tasks on revision " + to.number()
                : "rollback to revision " + to.number() + " did not complete: " + r.end().name().toLowerCase() + " "
                        + r.message();
        return record(app, Operation.ROLLBACK, current.number(), to, ok ? to.number() : r.revision(), to.spec().image(),
                n, request.strategy(), sent, events, ok ? Outcome.SUCCEEDED : Outcome.FAILED, message, startedAt);
    }

    /**
     * After Swarm's own rollback the service's labels are the previous spec's, whose history ends before it: put the
     * revision we came from back in, changing labels only (no task restarts).
     */
    private void relabelHistory(String app, List<SwarmRevision> keptHistory) {
        JsonNode fresh = api.service(app).orElseThrow();
        ObjectNode spec = (ObjectNode) fresh.path("Spec").deepCopy();
        ((ObjectNode) spec.with("Labels")).put(SwarmLabels.HISTORY, SwarmRevision.historyJson(keptHistory));
        api.updateService(fresh.path("ID").asText(), version(fresh), spec, credentials, null);
    }

    /**
     * Kept revisions of {@code app} by revision number, oldest first, as {@code DockerDeployer.history} lists them:
     * the serving one (after a rollback not the newest) is flagged {@link RevisionInfo#current()}. Read from the
     * service labels alone.
     */
    public List<RevisionInfo> history(String app) {
        AppName.check(app);
        Optional<JsonNode> service = api.service(app);
        if (service.isEmpty()) {
            return List.of();
        }
        SwarmRevision current = currentRevision(service.get());
        List<JsonNode> tasks = api.tasks(app);
        List<SwarmRevision> all = SwarmRevision.keep(history(service.get()), current, -1, Integer.MAX_VALUE);
        List<RevisionInfo> out = new ArrayList<>();
        for (SwarmRevision r : all) {
            int running = (int) tasks.stream().filter(t -> TaskEvents.revision(t) == r.number()
                    && TaskEvents.state(t).equals("running")).count();
            out.add(new RevisionInfo(r.number(), r.spec().image(), r.imageId(), r.digest(), r.specHash(), r.buildUrl(),
                    r.commit(), r.createdMillis(), r.number() == current.number(), running, 0, r.spec(), 0));
        }
        return out;
    }

    /**
     * Desired and ready tasks of {@code app} (running means healthy: Swarm reports a task with a HEALTHCHECK as
     * running only once it passed), its update state as a phase, and the ports of the ready tasks.
     */
    public AppStatus status(String app) {
        AppName.check(app);
        Optional<JsonNode> service = api.service(app);
        if (service.isEmpty()) {
            return new AppStatus(app, AppPhase.NONE, 0, 0, 0, 0, List.of(), List.of(), null, null);
        }
        JsonNode s = service.get();
        int revision = labels(s).path(AppLabels.REVISION).asInt();
        List<AppStatus.Replica> replicas = new ArrayList<>();
        List<Integer> serving = new ArrayList<>();
        for (JsonNode t : api.tasks(app)) {
            if (!t.path("DesiredState").asText().equals("running")) {
                continue;
            }
            int slot = t.path("Slot").asInt();
            int port = TaskEvents.port(t, slot);
            boolean running = TaskEvents.state(t).equals("running");
            if (running) {
                serving.add(port);
            }
            replicas.add(new AppStatus.Replica(app + "." + slot + "." + TaskEvents.shortId(t), TaskEvents.revision(t),
                    slot, port, running, running, "task " + TaskEvents.state(t)));
        }
        serving.sort(null);
        String state = s.path("UpdateStatus").path("State").asText("");
        AppPhase phase = switch (state) {
            case "updating", "rollback_started" -> AppPhase.PROGRESSING;
            case "paused", "rollback_paused" -> AppPhase.PAUSED;
            default -> AppPhase.COMPLETE;
        };
        return new AppStatus(app, phase, revision, revision, s.path("Spec").path("Mode").path("Replicated")
                .path("Replicas").asInt(), serving.size(), serving, replicas, null, null); // no router on a swarm yet
    }

    /** Blue-green and canary (a swarm has no router or weights), a port range beyond 65535. */
    @Override
    public void requireSupported(DeployRequest request) {
        SwarmRequests.requireSupported(request);
    }

    /** Keeps a stack revision as a Swarm config on the manager ({@link SwarmStacks}), the last 20 per project. */
    @Override
    public void recordStack(StackRevision revision) {
        requireManager();
        new SwarmStacks(api).write(revision);
    }

    @Override
    public List<StackRevision> stackHistory(String project) {
        requireManager();
        return new SwarmStacks(api).history(project);
    }

    /** The stack's lock as a Swarm config on the manager ({@link SwarmStacks#lock}); the image is not needed. */
    @Override
    public StackLock lockStack(String project, String image) {
        requireManager();
        return new SwarmStacks(api).lock(project);
    }

    /** Removes the application's service; its history goes with it (a stack's revisions stay). */
    public void remove(String app) {
        AppName.check(app);
        api.removeService(app);
    }

    @Override
    public void close() {
        api.close();
    }

    /** A replaced task exits within its stop grace period, plus time for the node to report it. */
    private static Duration stopBound(SwarmRevision current) {
        return Duration.ofSeconds(current.spec().stopTimeoutSeconds() + 30L);
    }

    private static JsonNode labels(JsonNode service) {
        return service.path("Spec").path("Labels");
    }

    private static long version(JsonNode service) {
        return service.path("Version").path("Index").asLong();
    }

    private static SwarmRevision currentRevision(JsonNode service) {
        return SwarmRevision.fromJson(labels(service).path(SwarmLabels.RECORD).asText());
    }

    private static List<SwarmRevision> history(JsonNode service) {
        return SwarmRevision.historyFromJson(labels(service).path(SwarmLabels.HISTORY).asText(null));
    }

    /** The engine's swarm section; refuses a node that is not a manager. */
    private JsonNode requireManager() {
        JsonNode swarm = api.info().path("Swarm");
        if (!"active".equals(swarm.path("LocalNodeState").asText()) || !swarm.path("ControlAvailable").asBoolean()) {
            throw new RequestException("host: the engine at " + host.uri() + " is not a swarm manager (swarm "
                    + swarm.path("LocalNodeState").asText("inactive") + "); point DOCKER_HOST at a manager node");
        }
        return swarm;
    }

    private void requireSameHost(DockerHost requested) {
        if (!host.equals(requested)) {
            throw new RequestException("host: the request names " + requested.uri() + " but this deployer talks "
                    + "to " + host.uri() + "; create a SwarmDeployer for that host");
        }
    }

    private static RolloutRecord record(String app, Operation op, int from, SwarmRevision to, int serving,
            String image, int desired, RolloutStrategy strategy, JsonNode spec, TaskEvents events, Outcome outcome,
            String message, long startedAt) {
        Map<String, String> settings = ServiceSpecs.settings(spec);
        var target = new RecordBuilder.Target(to.number(), image, to.imageId(), to.digest(), to.commit(), to.buildUrl());
        return RecordBuilder.finish(app, op, from, target, serving, desired, strategy, settings, events.events(), outcome,
                message, startedAt);
    }
}
