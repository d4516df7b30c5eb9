package io.jenkins.plugins.containerrollout.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a stack is deployed in: every service after the services it {@code depends_on}, and among services free
 * to go, the one first in the file (so the order is stable and reads like the file). A dependency on a service the
 * file does not have, and a cycle, are errors naming the services.
 *
 * <p>Usage: {@code List<ComposeService> ordered = DependencyOrder.sort(servicesInFileOrder)}
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /**
     * {@code services} (in file order) sorted so each comes after its dependencies.
     *
     * @throws ComposeException for an unknown dependency or a cycle ({@code web -> api -> web})
     */
    public static List<ComposeService> sort(List<ComposeService> services) {
        Map<String, ComposeService> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (ComposeService s : services) {
            for (Dependency d : s.dependsOn()) {
                if (!byName.containsKey(d.service())) {
                    throw new ComposeException("services." + s.name() + ".depends_on", "names '" + d.service()
                            + "', which is not a service of this file; services are: " + String.join(", ", byName.keySet()));
                }
            }
        }
        List<ComposeService> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < services.size()) {
            ComposeService next = null;
            for (ComposeService s : services) {
                if (!placed.contains(s.name()) && s.dependsOn().stream().allMatch(d -> placed.contains(d.service()))) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                throw new ComposeException("services", "have a depends_on cycle: " + cycle(services, placed, byName)
                        + "; remove one of these dependencies");
            }
            ordered.add(next);
            placed.add(next.name());
        }
        return List.copyOf(ordered);
    }

    /** One cycle among the services not placed, as {@code a -> b -> a}: walk dependencies until a name repeats. */
    private static String cycle(List<ComposeService> services, Set<String> placed, Map<String, ComposeService> byName) {
        List<String> path = new ArrayList<>();
        ComposeService at = services.stream().filter(s -> !placed.contains(s.name())).findFirst().orElseThrow();
        while (!path.contains(at.name())) {
            path.add(at.name());
            at = byName.get(at.dependsOn().stream().map(Dependency::service).filter(n -> !placed.contains(n))
                    .findFirst().orElseThrow());
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(at.name()), path.size()));
        loop.add(at.name());
        return String.join(" -> ", loop);
    }
}
