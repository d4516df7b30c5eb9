package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Compose file ready for a stack deploy: the project name, its services in dependency order, the top-level volumes
 * and networks, and the warnings met while reading it (unset variables, an obsolete {@code version:}).
 *
 * <p>Usage: {@code for (ComposeService s : project.services()) ...; for (ComposeService s : project.rollbackOrder()) ...}
 *
 * @param name     the project, prefix of every app ({@code shop} → {@code shop-web})
 * @param services the services, each after those it depends on; among equals in file order
 * @param volumes  top-level volumes by key
 * @param networks top-level networks by key
 * @param warnings what the reader noticed but did not refuse, to show to the user
 */
public record ComposeProject(String name, List<ComposeService> services, Map<String, NamedResource> volumes,
        Map<String, NamedResource> networks, List<String> warnings) implements Serializable {

    /** The services in reverse dependency order: dependents first, as a rollback or a stop takes them. */
    public List<ComposeService> rollbackOrder() {
        List<ComposeService> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    /** The service named {@code name} in the file. */
    public ComposeService service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new ComposeException("services", "has no service '" + serviceName + "'"));
    }

    /** The engine's name of a named volume (a {@link Mount#source()} of type volume). */
    public String volumeName(String key) {
        NamedResource v = volumes.get(key);
        return v == null ? name + "_" + key : v.name();
    }

    /** The engine's name of a network listed by a service; {@code default} is {@code <project>_default}. */
    public String networkName(String key) {
        NamedResource n = networks.get(key);
        return n == null ? name + "_" + key : n.name();
    }
}
