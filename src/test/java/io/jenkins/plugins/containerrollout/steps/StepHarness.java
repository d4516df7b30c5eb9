package io.jenkins.plugins.containerrollout.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A Pipeline {@link StepContext} without Jenkins, for running a step execution in a unit test: it hands out a build,
 * a console that captures everything, a workspace directory and an environment, and comes with a fake of the few
 * Jenkins calls ({@link JenkinsServices}) that serializes every agent callable as remoting would.
 *
 * <p>Usage: {@code Map<String, Object> out = StepHarness.in(workspace).credentials("reg", "ci", "pw").run(step, core);}
 */
final class StepHarness extends StepContext {
    private static final long serialVersionUID = 1L;

    /** Stand-ins for remoted objects: a deserialized copy resolves to the original (as a remoted stream would). */
    static final Map<String, Object> REMOTED = new ConcurrentHashMap<>();

    private final transient Map<Class<?>, Object> objects = new HashMap<>();
    private final transient File workspace;
    private final transient CapturingListener listener = new CapturingListener();
    /** The step's node in the flow graph. */
    final transient InertNode node = new InertNode();
    final transient FakeJenkins jenkins = new FakeJenkins();

    private StepHarness(File workspace) throws IOException {
        this.workspace = workspace;
        jenkins.workspace = workspace;
        objects.put(Run.class, new InertRun());
        objects.put(TaskListener.class, listener);
        objects.put(FilePath.class, new FilePath(workspace));
        objects.put(EnvVars.class, new EnvVars());
        objects.put(FlowNode.class, node);
    }

    /** A context whose workspace is {@code workspace}, with an empty environment and no credentials. */
    static StepHarness in(File workspace) throws IOException {
        return new StepHarness(workspace);
    }

    /** Removes a context object, as when a step runs outside {@code node}. */
    StepHarness without(Class<?> type) {
        objects.remove(type);
        return this;
    }

    StepHarness env(String name, String value) {
        ((EnvVars) objects.get(EnvVars.class)).put(name, value);
        return this;
    }

    /** Makes username/password credentials with this id visible to the build. */
    StepHarness credentials(String id, String username, String password) {
        jenkins.credentials.put(id, new RegistryCredentials(username, password));
        return this;
    }

    /** Makes Docker Server Certificate credentials with this id visible to the build. */
    StepHarness dockerServer(String id, TlsMaterial material) {
        jenkins.dockerServers.put(id, material);
        return this;
    }

    /** Runs {@code containerBuild} to completion in this context, with {@code core} in place of the real builder. */
    Map<String, Object> run(ContainerBuildStep step, BuildCore core) throws Exception {
        return new ContainerBuildStep.Execution(this, step, jenkins, core).execute(this);
    }

    /** Everything written to the console so far. */
    String console() {
        return listener.text();
    }

    File workspace() {
        return workspace;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(objects.get(key));
    }

    @Override
    public void setResult(Result r) {
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("containerRollout steps take no body");
    }

    @Override
    public void onSuccess(Object result) {
    }

    @Override
    public void onFailure(Throwable t) {
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Sends {@code value} through Java serialization and back, as remoting does on the way to an agent. */
    @SuppressWarnings("unchecked")
    static <T> T overTheWire(T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** A build object: the glue only passes it on to Jenkins calls, which the fake answers. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class InertRun extends Run {
        InertRun() throws IOException {
            super(null);
        }
    }

    /** A flow-graph node: the glue only hands it to Jenkins calls, which the fake answers. */
    static final class InertNode extends FlowNode {
        InertNode() {
            super(null, "7", List.of());
        }

        @Override
        protected String getTypeDisplayName() {
            return "containerVerify";
        }
    }

    /** A console that records its text and, like a remoted stream, stays the same console after serialization. */
    static final class CapturingListener implements TaskListener {
        private static final long serialVersionUID = 1L;

        private final String id = UUID.randomUUID().toString();
        private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CapturingListener() {
            REMOTED.put(id, this);
        }

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private Object readResolve() {
            return REMOTED.get(id);
        }
    }

    /** The Jenkins side, faked: a credentials store and an "agent" that is this JVM behind serialization. */
    static final class FakeJenkins implements JenkinsServices {
        final Map<String, RegistryCredentials> credentials = new HashMap<>();
        final Map<String, TlsMaterial> dockerServers = new HashMap<>();
        final List<String> lookups = new ArrayList<>();
        /** What the steps recorded with the build, in order. */
        final List<ReportEntry> recorded = new ArrayList<>();
        /** Every task sent to the "agent", in order. */
        final List<AgentTask<?>> sent = new ArrayList<>();
        /** The builds the steps marked UNSTABLE, once per call. */
        final List<Run<?, ?>> markedUnstable = new ArrayList<>();
        /** The warnings put on flow nodes (the stage's colour), as "node id: message", once per call. */
        final List<String> nodeWarnings = new ArrayList<>();
        private File workspace;

        @Override
        public RegistryCredentials usernamePassword(String id, Run<?, ?> build, String registryUri) {
            lookups.add(id + " for " + registryUri);
            return credentials.get(id);
        }

        @Override
        public TlsMaterial dockerServer(String id, Run<?, ?> build, String hostUri) {
            lookups.add(id + " for " + hostUri);
            return dockerServers.get(id);
        }

        @Override
        public <V> V act(FilePath ignored, FilePath.FileCallable<V> callable) throws IOException, InterruptedException {
            if (callable instanceof AgentCallable<?> agentCall) {
                sent.add(agentCall.task());
            }
            return overTheWire(overTheWire(callable).invoke(workspace, null));
        }

        @Override
        public void attach(Run<?, ?> run, ReportEntry entry) {
            recorded.add(entry);
        }

        @Override
        public void markUnstable(Run<?, ?> run, FlowNode node, String why) {
            markedUnstable.add(run);
            nodeWarnings.add((node instanceof InertNode ? "7" : String.valueOf(node)) + ": " + why);
        }
    }
}
