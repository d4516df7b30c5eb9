package io.jenkins.plugins.containerrollout.steps;

import io.jenkins.plugins.containerrollout.core.targets.Target;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.Test;

/**
 * No {@code @Symbol} of ours may be a name that a widely installed Pipeline plugin takes as a global variable or a
 * step. workflow-cps {@code CpsScript.invokeMethod} (jenkinsci/workflow-cps-plugin,
 * {@code plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsScript.java}) resolves {@code name(..)} as: a
 * callable binding variable, then {@code GlobalVariable.byName(name, build)} whose value gets {@code call(args)},
 * and only then {@code DSL.invokeMethod}, which tries step function names before {@code @Symbol}s. So with Docker
 * Pipeline installed, {@code target: docker()} became {@code docker.call()} on docker-workflow's {@code DockerDSL}
 * and failed with {@code MissingMethodException}; the symbol is now {@code dockerEngine}. The names come from
 * {@code ../shared/jenkins-api/reserved-names.txt} (or {@code $SHARED_DIR/jenkins-api/...}); the symbols from the
 * index Jenkins itself reads ({@code META-INF/services/annotations/org.jenkinsci.Symbol}).
 */
public class SymbolNamesTest {
    private static final String INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";

    @Test
    public void noSymbolIsAReservedPipelineName() throws Exception {
        Map<String, String> reserved = reservedNames();
        List<String> clashes = new ArrayList<>();
        for (Map.Entry<String, Class<?>> symbol : symbols().entrySet()) {
            String owner = reserved.get(symbol.getKey());
            if (owner != null) {
                clashes.add(symbol.getValue().getName() + ": @Symbol(\"" + symbol.getKey() + "\") is " + owner);
            }
        }
        assertEquals("symbols a Pipeline script would never reach", List.of(), clashes);
    }

    @Test
    public void theContainersTargetIsDockerEngine() throws Exception {
        Map<String, Class<?>> symbols = symbols();
        assertEquals(DockerTarget.DescriptorImpl.class, symbols.get("dockerEngine"));
        assertFalse("docker is docker-workflow's global variable", symbols.containsKey("docker"));
        assertTrue("the index holds every describable, not just a few: " + symbols.keySet(), symbols.size() >= 18);
    }

    @Test
    public void choosingTheContainersTargetLeavesItOutOfTheSnippet() {
        // structs DescribableModel.uninstantiate2 drops an optional property whose getter equals the control
        // instance's (built from the required parameters only): the form's preselected dockerEngine() must read as null
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:1", 21000);
        ContainerDeployStep control = new ContainerDeployStep("web", "127.0.0.1:5000/web:1", 21000);
        step.setTarget(new DockerTarget());

        assertNull(step.getTarget());
        assertEquals(control.getTarget(), step.getTarget());
        assertEquals(Target.DOCKER, step.targetKind());
    }

    /** Every symbol value of the plugin, with the class that carries it. */
    static Map<String, Class<?>> symbols() throws IOException, ClassNotFoundException {
        Map<String, Class<?>> symbols = new HashMap<>();
        try (InputStream in = SymbolNamesTest.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                fail(INDEX + " is missing: the build's @Indexed processor did not run");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Class<?> type = Class.forName(line.strip(), false, SymbolNamesTest.class.getClassLoader());
                    for (String value : type.getAnnotation(Symbol.class).value()) {
                        symbols.put(value, type);
                    }
                }
            }
        }
        return symbols;
    }

    /** name -> "a global-variable of plugin x" from reserved-names.txt; the test is skipped only outside CI without it. */
    private static Map<String, String> reservedNames() throws IOException {
        String shared = System.getenv("SHARED_DIR");
        Path dir = shared == null || shared.isBlank() ? Path.of(System.getProperty("project.basedir", "."), "../shared")
                : Path.of(shared);
        Path file = dir.resolve("jenkins-api/reserved-names.txt");
        if (!Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(file + " is missing; CI must provide ../shared (or SHARED_DIR)");
            }
            assumeTrue("skipped: " + file + " not found (set SHARED_DIR to the shared directory to run this check)", false);
        }
        Map<String, String> names = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split(" ");
            if (!line.startsWith("#") && parts.length == 3) {
                names.put(parts[0], "a " + parts[1] + " of plugin " + parts[2]);
            }
        }
        assertTrue("reserved-names.txt lists " + names.size() + " names", names.size() > 50);
        return names;
    }
}
