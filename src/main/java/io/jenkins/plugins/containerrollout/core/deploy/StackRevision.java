package io.jenkins.plugins.containerrollout.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One revision of a stack (a Compose project): which revision of each of its apps it is, kept in the target beside
 * the apps' own records, so a later {@code rollback --project} restores every service to the same point.
 *
 * <p>Usage: {@code deployer.recordStack(new StackRevision("shop", 3, services, System.currentTimeMillis()))}
 *
 * @param project       the project name, prefix of every app
 * @param number        1, 2, ...: one more than the latest kept
 * @param services      the services in dependency order (a rollback walks them backwards)
 * @param createdMillis when it was recorded
 */
public record StackRevision(String project, int number, List<Service> services, long createdMillis)
        implements Serializable {
    /** Stack revisions a target keeps; the apps keep 10 revisions each by default, so older ones could not be restored. */
    public static final int KEPT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Service>> SERVICES = new TypeReference<>() { };

    public StackRevision {
        if (number < 1) {
            throw new RequestException("toRevision: stack revision " + number + " is not a revision; they start at 1");
        }
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a stack revision names at least one service");
        }
    }

    /**
     * One service of the stack at this revision.
     *
     * @param name     the service's key in the compose file
     * @param app      its app, {@code <project>-<service>}
     * @param revision the app's revision
     * @param portBase the app's port base (kept for services with no published port, so a redeploy keeps it)
     */
    public record Service(String name, String app, int revision, int portBase) implements Serializable {
    }

    /** The service named {@code name}, or null. */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Same services at the same app revisions: nothing changed between the two. */
    public boolean sameAppsAs(StackRevision other) {
        return other != null && services.stream().map(s -> s.app() + "@" + s.revision()).toList()
                .equals(other.services.stream().map(s -> s.app() + "@" + s.revision()).toList());
    }

    /**
     * The labels that keep this revision in an engine, the same on every target (a marker container on a Docker host, a
     * config on a swarm): {@link AppLabels#PROJECT}, {@link AppLabels#ROLE} {@code stack}, {@link AppLabels#STACK_REVISION},
     * {@link AppLabels#CREATED} and {@link AppLabels#STACK} (the services as JSON). {@link #fromLabels} reads them back.
     */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(AppLabels.PROJECT, project);
        l.put(AppLabels.ROLE, AppLabels.ROLE_STACK);
        l.put(AppLabels.STACK_REVISION, String.valueOf(number));
        l.put(AppLabels.CREATED, String.valueOf(createdMillis));
        l.put(AppLabels.STACK, servicesJson());
        return l;
    }

    /** The services as the {@link AppLabels#STACK} label keeps them: a JSON array of {@link Service}. */
    public String servicesJson() {
        try {
            return JSON.writeValueAsString(services);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stack revision is plain data", e);
        }
    }

    /**
     * The revision that {@link #labels()} wrote, or null for labels of anything else (no {@code stack} role).
     *
     * @throws IllegalStateException the labels are a stack's but unreadable (written by hand, or truncated)
     */
    public static StackRevision fromLabels(Map<String, String> labels) {
        if (labels == null || !AppLabels.ROLE_STACK.equals(labels.get(AppLabels.ROLE))) {
            return null;
        }
        String project = labels.get(AppLabels.PROJECT);
        try {
            return new StackRevision(project, Integer.parseInt(labels.get(AppLabels.STACK_REVISION)),
                    JSON.readValue(labels.get(AppLabels.STACK), SERVICES),
                    Long.parseLong(labels.getOrDefault(AppLabels.CREATED, "0")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stack record " + project + " r" + labels.get(AppLabels.STACK_REVISION)
                    + " holds unreadable labels: " + e.getMessage(), e);
        }
    }
}
