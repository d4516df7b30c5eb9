package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Deploy order by {@code depends_on}: dependencies first, file order among equals, cycles and unknowns refused. */
public class DependencyOrderTest {
    /** Each row: services in file order as {@code name:dep,dep}, then the expected order. */
    private static final String[][] ORDERS = {
        {"web:api api:", "api web"},
        {"a: b: c:", "a b c"},
        {"web:api,cache worker: api:db cache: db:", "worker cache db api web"},
        {"c:a b: a:", "b a c"},
        {"x:y y:z z:", "z y x"},
    };

    private static final String[][] CYCLES = {
        {"web:api api:web", "services have a depends_on cycle: web -> api -> web; remove one of these dependencies"},
        {"a:a", "services have a depends_on cycle: a -> a;"},
        {"ok: a:b b:c c:a", "services have a depends_on cycle: a -> b -> c -> a;"},
        {"x:b a:b b:a", "services have a depends_on cycle: b -> a -> b;"},
    };

    @Test
    public void putsEveryServiceAfterItsDependenciesKeepingFileOrderAmongEquals() {
        for (String[] row : ORDERS) {
            List<String> names = new ArrayList<>();
            DependencyOrder.sort(services(row[0])).forEach(s -> names.add(s.name()));
            assertEquals(row[0], row[1], String.join(" ", names));
        }
    }

    @Test
    public void refusesACycleNamingItsServices() {
        for (String[] row : CYCLES) {
            ComposeException e = assertThrows(row[0], ComposeException.class, () -> DependencyOrder.sort(services(row[0])));
            assertEquals(row[0], true, e.getMessage().startsWith(row[1]));
        }
    }

    @Test
    public void refusesADependencyOnAServiceTheFileDoesNotHave() {
        ComposeException e = assertThrows(ComposeException.class, () -> DependencyOrder.sort(services("web:db api:")));
        assertEquals("services.web.depends_on names 'db', which is not a service of this file; services are: web, api",
                e.getMessage());
    }

    @Test
    public void rollbackOrderIsTheReverse() {
        ComposeProject p = new ComposeProject("shop", DependencyOrder.sort(services("web:api api:db db:")),
                java.util.Map.of(), java.util.Map.of(), List.of());
        assertEquals(List.of("web", "api", "db"), p.rollbackOrder().stream().map(ComposeService::name).toList());
    }

    /** {@code "web:api,cache api:"} → services web (depends on api and cache) and api. */
    static List<ComposeService> services(String spec) {
        List<ComposeService> out = new ArrayList<>();
        for (String s : spec.split(" ")) {
            String[] parts = s.split(":", -1);
            List<Dependency> deps = new ArrayList<>();
            for (String d : parts[1].split(",")) {
                if (!d.isEmpty()) {
                    deps.add(new Dependency(d, Dependency.Condition.SERVICE_STARTED));
                }
            }
            out.add(new ComposeService(parts[0], "p-" + parts[0], "img", null, null, java.util.Map.of(), null, 1, 0, 0,
                    UpdateConfig.DEFAULTS, null, 10, java.util.Map.of(), List.of(), List.of(), List.of(), deps, null));
        }
        return out;
    }
}
