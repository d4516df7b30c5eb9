package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.Serializable;
import java.util.List;

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
}
