package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.deploy.RevisionInfo;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deploys a {@link ComposeProject} as one stack: every service as its app, in dependency order, each gated on its
 * own rollout's health gate before the next starts; a service whose spec is unchanged is left running as it is (the
 * deployer re-uses its revision). When a service fails, the services this deploy already updated are rolled back in
 * reverse order, so the stack never stays half-new. A successful deploy records one stack revision (each service's
 * app revision) in the target, which {@link #rollback} restores.
 *
 * <p>Usage: {@code new StackDeployer(deployer, host, ProbeSettings.defaults()).deploy(project, System.err::println)}
 */
public final class StackDeployer {
    private final AppDeployer deployer;
    private final DockerHost host;
    private final ProbeSettings probe;
    private final RolloutStrategy strategy;

    /** @param probe the readiness probe of services whose image has no HEALTHCHECK (its path for every service) */
    public StackDeployer(AppDeployer deployer, DockerHost host, ProbeSettings probe) {
        this(deployer, host, probe, null);
    }

    /**
     * @param strategy the stack's strategy (the step's {@code strategy:}, the CLI's {@code --strategy}): every service
     *                 without its own {@code x-rollout:} or {@code deploy.update_config} rolls out with it; null: a
     *                 rolling update with the defaults
     */
    public StackDeployer(AppDeployer deployer, DockerHost host, ProbeSettings probe, RolloutStrategy strategy) {
        this.deployer = deployer;
        this.host = host;
        this.probe = probe;
        this.strategy = strategy;
    }

    /** An app this deploy moved, and the revision it served before (0: the app is new). */
    private record Updated(DeployRequest request, int before) {
    }

    /**
     * Deploys every service of {@code project}.
     *
     * @throws IllegalArgumentException the file cannot be deployed on this target (nothing was changed), or a
     *                                  service's request was refused after earlier ones moved (they were restored)
     */
    public StackResult deploy(ComposeProject project, ProgressSink sink) throws InterruptedException {
        // one stack command of a project at a time: two would record the same stack revision number
        try (AppDeployer.StackLock lock = deployer.lockStack(project.name(), project.services().get(0).image())) {
            return deployLocked(project, sink);
        }
    }

    private StackResult deployLocked(ComposeProject project, ProgressSink sink) throws InterruptedException {
        List<StackRevision> history = deployer.stackHistory(project.name()); // a target without stacks refuses here
        StackRevision latest = history.isEmpty() ? null : history.get(history.size() - 1);
        int from = latest == null ? 0 : latest.number();
        List<DeployRequest> requests = new ServiceRequests(host, probe, latest, strategy).all(project);
        for (int i = 0; i < requests.size(); i++) {
            refuseCompletionDependencies(project.services().get(i));
            requireSupported(project.services().get(i), requests.get(i));
        }
        project.warnings().forEach(w -> sink.line("compose: warning: " + w));
        ensureNetworks(project);
        List<RolloutRecord> records = new ArrayList<>();
        List<Updated> updated = new ArrayList<>();
        List<StackRevision.Service> services = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            DeployRequest request = requests.get(i);
            ComposeService service = project.services().get(i);
            int before = deployer.status(request.app()).stableRevision();
            sink.line("stack " + project.name() + ": service " + service.name() + " (" + request.app() + ", "
                    + request.spec().image() + ")");
            RolloutRecord record;
            try {
                record = deployer.deploy(request, sink);
            } catch (RuntimeException refused) {
                String undone = undo(updated, records, sink);
                throw new RequestException(refused.getMessage() + "; stack " + project.name() + " stays on revision "
                        + from + undone, refused);
            }
            records.add(record);
            if (record.outcome() != Outcome.SUCCEEDED) {
                String why = "service " + service.name() + " " + record.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": " + record.message();
                String undone = undo(updated, records, sink);
                boolean restored = !undone.contains("failed");
                return new StackResult(project.name(), "deploy", from, from,
                        restored ? Outcome.ROLLED_BACK : Outcome.FAILED, why + "; stack " + project.name()
                                + (restored ? " restored to revision " + from : " is mixed") + undone, records);
            }
            if (record.servingRevision() != before) {
                updated.add(new Updated(request, before));
            }
            services.add(new StackRevision.Service(service.name(), request.app(), record.servingRevision(),
                    request.portBase()));
        }
        StackRevision next = new StackRevision(project.name(), from + 1, services, System.currentTimeMillis());
        if (next.sameAppsAs(latest)) {
            return new StackResult(project.name(), "deploy", from, from, Outcome.SUCCEEDED, "stack " + project.name()
                    + " unchanged on revision " + from + " (every service's spec is the same)", records);
        }
        deployer.recordStack(next);
        return new StackResult(project.name(), "deploy", from, next.number(), Outcome.SUCCEEDED, "stack "
                + project.name() + " on revision " + next.number() + ": " + describe(next), records);
    }

    /**
     * Restores every service of {@code project} to the app revisions of stack revision {@code toRevision} (0: the one
     * before the latest), dependents first; records the result as a new stack revision.
     *
     * @throws IllegalArgumentException the project has no such stack revision (nothing was changed)
     */
    public StackResult rollback(String project, int toRevision, ProgressSink sink) throws InterruptedException {
        StackRevision.Service first = recorded(project).services().get(0);
        // the lock is a record like the stack's, made of an image the engine keeps: the first service's
        String image = deployer.history(first.app()).stream().filter(r -> r.revision() == first.revision())
                .map(RevisionInfo::imageId).findFirst().orElse(first.app());
        try (AppDeployer.StackLock lock = deployer.lockStack(project, image)) {
            return rollbackLocked(project, toRevision, sink);
        }
    }

    /** The latest stack revision of {@code project}, or a refusal naming it. */
    private StackRevision recorded(String project) {
        List<StackRevision> history = deployer.stackHistory(project);
        if (history.isEmpty()) {
            throw new RequestException("project: '" + project + "' has no recorded stack revisions on " + host.uri()
                    + "; deploy it first (deploy --compose FILE --project " + project + ")");
        }
        return history.get(history.size() - 1);
    }

    private StackResult rollbackLocked(String project, int toRevision, ProgressSink sink) throws InterruptedException {
        List<StackRevision> history = deployer.stackHistory(project);
        StackRevision current = history.get(history.size() - 1);
        StackRevision to = history.stream().filter(r -> toRevision == 0 ? r.number() < current.number()
                : r.number() == toRevision).reduce((a, b) -> b).orElseThrow(() -> new RequestException(
                        "toRevision: stack " + project + " has no revision " + (toRevision == 0 ? "before "
                                + current.number() : toRevision) + "; kept: " + history.stream()
                                .map(r -> String.valueOf(r.number())).toList() + " (--to-revision N)"));
        List<RolloutRecord> records = new ArrayList<>();
        List<StackRevision.Service> reversed = new ArrayList<>(to.services());
        java.util.Collections.reverse(reversed);
        for (StackRevision.Service s : reversed) {
            AppStatus now = deployer.status(s.app());
            if (now.stableRevision() == s.revision()) {
                continue; // already there: its replicas stay untouched
            }
            sink.line("stack " + project + ": service " + s.name() + " (" + s.app() + ") back to revision "
                    + s.revision());
            // a service deployed out of the router (a worker: no published port) has no router recorded: it stays out
            RolloutRecord record = deployer.rollback(new RollbackRequest(host, s.app(), s.revision(),
                    RolloutStrategy.rolling(), probe).withTakesTraffic(now.router() != null), sink);
            records.add(record);
            if (record.outcome() != Outcome.SUCCEEDED) {
                return new StackResult(project, "rollback", current.number(), current.number(), Outcome.FAILED,
                        "rolling service " + s.name() + " back to revision " + s.revision() + " failed: "
                                + record.message() + "; stack " + project + " is mixed: roll back again", records);
            }
        }
        StackRevision restored = new StackRevision(project, current.number() + 1, to.services(),
                System.currentTimeMillis());
        int serving = current.number();
        if (!restored.sameAppsAs(current)) {
            deployer.recordStack(restored);
            serving = restored.number();
        }
        return new StackResult(project, "rollback", current.number(), serving, Outcome.SUCCEEDED, "stack " + project
                + " restored to revision " + to.number() + " as revision " + serving + ": " + describe(to), records);
    }

    /** Rolls back what this deploy updated, last first; returns what it did, for the message. */
    private String undo(List<Updated> updated, List<RolloutRecord> records, ProgressSink sink)
            throws InterruptedException {
        StringBuilder out = new StringBuilder();
        for (int i = updated.size() - 1; i >= 0; i--) {
            Updated u = updated.get(i);
            String app = u.request().app();
            if (u.before() == 0) {
                // new in this deploy: there is nothing to go back to, and a half-new stack must not stay
                sink.line("stack: removing " + app + ", new in this failed deploy");
                deployer.remove(app);
                out.append("; ").append(app).append(" removed (it was new)");
                continue;
            }
            sink.line("stack: rolling " + app + " back to revision " + u.before());
            RolloutRecord r = deployer.rollback(new RollbackRequest(host, app, u.before(), u.request().strategy(),
                    u.request().probe()).withTakesTraffic(u.request().takesTraffic()), sink);
            records.add(r);
            out.append("; ").append(app).append(r.outcome() == Outcome.SUCCEEDED ? " rolled back to revision "
                    + u.before() : " rollback to revision " + u.before() + " failed: " + r.message());
        }
        return out.toString();
    }

    /** Makes the networks the services join (a refusal here comes before any service moves). */
    private void ensureNetworks(ComposeProject project) {
        java.util.Set<String> made = new java.util.HashSet<>();
        for (ComposeService s : project.services()) {
            for (String key : s.networks()) {
                NamedResource n = project.networks().get(key);
                if (key.equals("default") || !made.add(key)) {
                    continue;
                }
                Map<String, String> labels = new java.util.HashMap<>(n == null ? Map.of() : n.labels());
                labels.put(AppLabels.PROJECT, project.name());
                deployer.ensureNetwork(project.networkName(key), n == null ? null : n.driver(), labels,
                        n == null ? Map.of() : n.driverOpts(), n != null && n.external());
            }
        }
    }

    private static void refuseCompletionDependencies(ComposeService s) {
        for (Dependency d : s.dependsOn()) {
            if (d.condition() == Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
                throw new ComposeException("services." + s.name() + ".depends_on." + d.service() + ".condition",
                        "service_completed_successfully is not supported: every service is a long-running app here;"
                                + " use service_healthy or service_started (both wait for the dependency's health gate)");
            }
        }
    }

    /**
     * What the target refuses of a service whatever its state (a swarm: blue-green, canary), before anything moves,
     * naming the key of the file the refused parameter comes from.
     */
    private void requireSupported(ComposeService s, DeployRequest request) {
        try {
            deployer.requireSupported(request);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String parameter = message.contains(": ") ? message.substring(0, message.indexOf(": ")) : "";
            String key = switch (parameter) {
                case "strategy" -> s.rollout() != null ? ".x-rollout.strategy" : ".deploy.update_config";
                case "portBase" -> ".ports";
                case "network" -> ".networks";
                case "volumes" -> ".volumes";
                default -> "";
            };
            throw new ComposeException("services." + s.name() + key, key.isEmpty() ? "is refused by the target: "
                    + message : message.substring(parameter.length() + 2));
        }
    }

    private static String describe(StackRevision r) {
        return String.join(", ", r.services().stream().map(s -> s.name() + "=" + s.app() + " r" + s.revision())
                .toList());
    }
}
