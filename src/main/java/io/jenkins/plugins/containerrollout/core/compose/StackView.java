package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppPhase;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only views of a stack, built only from {@link AppDeployer#stackHistory} and {@link AppDeployer#status}:
 * its kept stack revisions with how each was made, and where each service of the current one stands.
 *
 * <p>A stack revision does not record whether a deploy or a rollback made it, so it is read from the revisions: a
 * deploy always gives at least one service an app revision newer than every earlier stack revision had (an app
 * deploy that changes nothing keeps its revision, and a stack deploy changing nothing records no stack revision),
 * while a rollback only names app revisions that an earlier stack revision already had.
 *
 * <p>Usage: {@code StackView.History h = StackView.history(deployer, "shop");}
 */
public final class StackView {
    private StackView() {
    }

    /**
     * The stack's kept revisions, oldest first, the latest marked current.
     *
     * @throws RequestException the project has no kept stack revisions (names the parameter {@code project})
     */
    public static History history(AppDeployer deployer, String project) {
        List<StackRevision> kept = kept(deployer, project);
        List<Revision> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            StackRevision r = kept.get(i);
            List<StackRevision> earlier = kept.subList(0, i);
            boolean deploy = i == 0 || r.services().stream().anyMatch(s -> earlier.stream()
                    .map(e -> e.service(s.name())).allMatch(e -> e == null || e.revision() < s.revision()));
            int restores = deploy ? 0 : earlier.stream().filter(r::sameAppsAs).mapToInt(StackRevision::number)
                    .reduce((a, b) -> b).orElse(0);
            Map<String, String> services = new LinkedHashMap<>();
            r.services().forEach(s -> services.put(s.name(), s.app() + "@" + s.revision()));
            out.add(new Revision(r.number(), r.createdMillis(), deploy ? "deploy" : "rollback", restores,
                    i == kept.size() - 1, services));
        }
        return new History(project, out);
    }

    /**
     * The current stack revision and each of its services' app status, in the order the revision keeps them
     * (dependency order: dependencies first).
     *
     * @throws RequestException the project has no kept stack revisions
     */
    public static Status status(AppDeployer deployer, String project) {
        List<StackRevision> kept = kept(deployer, project);
        StackRevision current = kept.get(kept.size() - 1);
        List<ServiceStatus> services = new ArrayList<>();
        for (StackRevision.Service s : current.services()) {
            AppStatus a = deployer.status(s.app());
            services.add(new ServiceStatus(s.name(), s.app(), s.revision(), a.stableRevision(), a.phase(),
                    a.readyReplicas(), a.desiredReplicas(), a.servingPorts()));
        }
        boolean settled = services.stream().allMatch(s -> s.phase() == AppPhase.COMPLETE
                && s.stableRevision() == s.revision() && s.ready() >= s.desired());
        return new Status(project, current.number(), current.createdMillis(), settled, services);
    }

    private static List<StackRevision> kept(AppDeployer deployer, String project) {
        List<StackRevision> kept = deployer.stackHistory(project);
        if (kept.isEmpty()) {
            throw new RequestException("project: '" + project + "' has no recorded stack revisions; deploy it first"
                    + " (deploy --compose FILE --project " + project + ")");
        }
        return kept;
    }

    /**
     * What {@code history --project} prints.
     *
     * @param project   the project
     * @param revisions its kept stack revisions, oldest first (newest last)
     */
    public record History(String project, List<Revision> revisions) implements Serializable {
    }

    /**
     * One kept stack revision.
     *
     * @param number        the stack revision
     * @param createdMillis when it was recorded
     * @param made          {@code deploy} or {@code rollback}
     * @param restores      for a rollback, the kept stack revision it restored (0 when that one is no longer kept)
     * @param current       the latest, the one serving
     * @param services      service name to {@code app@appRevision}, dependencies first
     */
    public record Revision(int number, long createdMillis, String made, int restores, boolean current,
            Map<String, String> services) implements Serializable {
    }

    /**
     * What {@code status --project} prints.
     *
     * @param project        the project
     * @param revision       the current stack revision
     * @param createdMillis  when it was recorded
     * @param settled        every service completed on the app revision the stack names, all replicas ready
     * @param services       each service's status, dependencies first
     */
    public record Status(String project, int revision, long createdMillis, boolean settled,
            List<ServiceStatus> services) implements Serializable {
    }

    /**
     * One service of the current stack revision, as its app's status says it stands.
     *
     * @param service        the service's key in the compose file
     * @param app            its app
     * @param revision       the app revision the stack revision names
     * @param stableRevision the app's last completed revision (differs after someone deployed the app alone)
     * @param phase          the app's last rollout phase
     * @param ready          ready replicas
     * @param desired        desired replicas
     * @param servingPorts   loopback ports of the ready replicas
     */
    public record ServiceStatus(String service, String app, int revision, int stableRevision, AppPhase phase,
            int ready, int desired, List<Integer> servingPorts) implements Serializable {
    }
}
