package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

/**
 * What the steps send to the agent holds plain settings only. Remoting rebuilds the task on the agent by loading every
 * class in its serialized form; a lambda is written as a {@link SerializedLambda} naming its capturing class (the
 * step's {@code Execution}), which is loaded and asked to rebuild it, and a captured describable (a router argument)
 * brings {@code hudson.model} types along. Here every task the three app steps actually send is written with an
 * {@link ObjectOutputStream} that inspects each object and class on the way.
 */
public class AgentTasksTest extends FakeCoreHarness {
    private static final List<String> JENKINS_PACKAGES = List.of("hudson.", "jenkins.", "org.jenkinsci.", "org.kohsuke.");

    @Test
    public void deploySendsOnlyPlainSettings() throws Exception {
        ContainerDeployStep step = new ContainerDeployStep("web", "127.0.0.1:5000/web:4", 21000);
        step.setStrategy(new BlueGreenStrategy());
        step.setRouter(new HaproxyRouting());
        RolloutStepRunner.deploy(harness, step, core);

        assertPlain(1);
    }

    @Test
    public void verifyAndItsRollbackSendOnlyPlainSettings() {
        core.verificationFails();
        ContainerVerifyStep step = new ContainerVerifyStep("web", List.of(new HttpVerifyCheck("{endpoint}/")));
        step.setOnFailure("rollback");
        step.setRouter(new DirectRouting());
        assertThrows(AbortException.class, () -> RolloutStepRunner.verify(harness, step, core));

        assertPlain(3);
    }

    @Test
    public void rollbackSendsOnlyPlainSettings() throws Exception {
        ContainerRollbackStep step = new ContainerRollbackStep("web");
        step.setTarget(new SwarmTarget());
        RolloutStepRunner.rollback(harness, step, core);

        assertPlain(1);
    }

    @Test
    public void promoteSendsOnlyPlainSettings() throws Exception {
        ContainerPromoteStep step = new ContainerPromoteStep("web");
        step.setRouter(new HaproxyRouting());
        new ContainerPromoteStep.Execution(harness, step, harness.jenkins, core).execute(harness);

        assertPlain(1);
    }

    @Test
    public void stackDeployAndRollbackSendOnlyPlainSettings() throws Exception {
        java.nio.file.Files.writeString(harness.workspace().toPath().resolve("compose.yaml"),
                "services:\n  web:\n    image: 127.0.0.1:5000/web:${TAG}\n");
        harness.env("TAG", "4"); // the build's EnvVars travel as a plain map
        ContainerDeployStep deploy = new ContainerDeployStep(null, null, 0);
        deploy.setCompose("compose.yaml");
        deploy.setProject("shop");
        deploy.setImages(Map.of("web", "127.0.0.1:5000/web:5"));
        RolloutStepRunner.deploy(harness, deploy, core);
        ContainerRollbackStep rollback = new ContainerRollbackStep(null);
        rollback.setProject("shop");
        RolloutStepRunner.rollback(harness, rollback, core);

        assertPlain(2);
    }

    @Test
    public void buildSendsOnlyPlainSettings() throws Exception {
        BuildRequest request = new BuildRequest(DockerHost.resolve(null, Map.of()), ".", null, List.of("a:1"), Map.of(),
                null, Map.of(), false, false, false, null, null, null);
        assertEquals(Set.of(), jenkinsSide(new BuildTask(request, BuildCore.IMAGE_BUILDER)));
    }

    @Test
    public void theWalkerCatchesALambdaAndADescribable() throws Exception {
        HaproxyRouting routing = new HaproxyRouting();
        AgentTask<String> lambda = (workspace, console) -> routing.getSocket();
        Set<String> found = jenkinsSide(lambda);
        assertEquals(found.toString(), true, found.stream().anyMatch(f -> f.startsWith("a lambda")));
        assertEquals(found.toString(), true, found.stream().anyMatch(f -> f.contains("hudson.model.AbstractDescribableImpl")));
    }

    private void assertPlain(int tasks) {
        assertEquals(tasks, harness.jenkins.sent.size());
        for (AgentTask<?> task : harness.jenkins.sent) {
            try {
                assertEquals(task.getClass().getName(), Set.of(), jenkinsSide(task));
            } catch (IOException e) {
                throw new AssertionError(task + " does not serialize", e);
            }
        }
    }

    /** Every Jenkins-side type (or lambda) in {@code task}'s serialized object graph, with the reason. */
    static Set<String> jenkinsSide(Object task) throws IOException {
        Set<String> found = new TreeSet<>();
        try (GraphWalker walker = new GraphWalker(found)) {
            walker.writeObject(task);
        }
        return found;
    }

    /** Writes nowhere; looks at every object and every class descriptor written. */
    private static final class GraphWalker extends ObjectOutputStream {
        private final Set<String> found;

        GraphWalker(Set<String> found) throws IOException {
            super(OutputStream.nullOutputStream());
            this.found = found;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof SerializedLambda lambda) {
                found.add("a lambda captured by " + lambda.getCapturingClass().replace('/', '.'));
            }
            check(obj.getClass());
            return obj;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            check(type);
        }

        private void check(Class<?> type) {
            Set<Class<?>> lineage = new java.util.LinkedHashSet<>();
            List<Class<?>> todo = new ArrayList<>(List.of(type));
            while (!todo.isEmpty()) { // the class, its superclasses and all their interfaces, transitively
                Class<?> c = todo.remove(0);
                if (c != null && lineage.add(c)) {
                    todo.add(c.getSuperclass());
                    todo.addAll(List.of(c.getInterfaces()));
                }
            }
            for (Class<?> c : lineage) {
                String name = c.getName();
                if (JENKINS_PACKAGES.stream().anyMatch(name::startsWith) || name.contains("$Execution")) {
                    found.add(type.getName() + " is a " + name);
                }
            }
        }
    }
}
