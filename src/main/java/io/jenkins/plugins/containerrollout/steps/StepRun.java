package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.IOException;
import java.io.Serializable;

/**
 * One run of a rollout step, as its execution sees it: the resolved context objects and the services every step
 * needs (console, Docker host, registry credentials, running core work on the agent). Handed to
 * {@link ContainerStepExecution#perform}; each step adds only its own mapping on top.
 *
 * <p>Usage: {@code BuildResult r = run.onAgent(new BuildTask(step.toRequest(run.dockerHost(step.getDockerHost()), creds), core));}
 */
public final class StepRun {
    private final String functionName;
    private final StepScope scope;
    private final SecretMasker masker;
    private final ConsoleSink console;
    private final JenkinsServices services;
    // What an abort records from now on (set before the agent call, cleared by the record of the outcome).
    private volatile AbortRecord aborting;
    private volatile long abortingSinceMillis;

    StepRun(String functionName, StepScope scope, SecretMasker masker, JenkinsServices services) {
        this.functionName = functionName;
        this.scope = scope;
        this.masker = masker;
        this.console = new ConsoleSink(scope.listener(), functionName, masker);
        this.services = services;
    }

    /** The step's name, e.g. {@code containerBuild}. */
    public String functionName() {
        return functionName;
    }

    /** The context objects. */
    public StepScope scope() {
        return scope;
    }

    /** The build console: prefixed with the step name, secrets masked. */
    public ProgressSink console() {
        return console;
    }

    /** The secrets known so far; every line on the console and every abort message goes through it. */
    public SecretMasker masker() {
        return masker;
    }

    /**
     * The engine to talk to: the step's {@code dockerHost} when given, else {@code DOCKER_HOST} with
     * {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH} from the step's environment, else the local socket.
     */
    public DockerHost dockerHost(String explicit) {
        return DockerHost.resolve(explicit, scope.environment());
    }

    /**
     * The engine as {@link #dockerHost(String)} picks it, spoken to with the TLS material of the docker-commons
     * "Docker Server Certificate" credentials {@code credentialsId} when given (the client key is masked from then on).
     *
     * @throws AbortException when the engine is not a {@code tcp://} address, or no such credentials are visible to
     *                        the build, or they hold a certificate without its key
     */
    public DockerHost dockerHost(String explicit, String credentialsId) throws IOException {
        DockerHost host = dockerHost(explicit);
        if (credentialsId == null || credentialsId.isBlank()) {
            return host;
        }
        String id = credentialsId.strip();
        if (!host.uri().startsWith("tcp://")) {
            throw new AbortException(functionName + ": dockerCredentialsId '" + id + "' is TLS material for a tcp://"
                    + " engine, but the engine is " + host.uri() + " — set dockerHost (or DOCKER_HOST) to tcp://host:2376");
        }
        TlsMaterial tls = services.dockerServer(id, scope.build(), host.uri());
        if (tls == null) {
            throw new AbortException(functionName + ": no Docker Server Certificate credentials with id '" + id
                    + "' are visible to this build (dockerCredentialsId, engine " + host.uri() + ")");
        }
        masker.addPrivateKey(tls.clientKey());
        if (tls.problem() != null) {
            throw new AbortException(functionName + ": dockerCredentialsId: " + tls.problem());
        }
        return host.withTls(tls);
    }

    /**
     * Looks up username/password credentials by id for the build, and registers the password for masking.
     *
     * @param id          a Jenkins credentials id, or null/blank for none
     * @param registryUri the registry they are for (selects credentials domains), e.g. {@code https://127.0.0.1:5000}
     * @return the login, or null when {@code id} is blank
     * @throws AbortException when no username/password credentials with that id are visible to the build
     */
    public RegistryCredentials registryCredentials(String id, String registryUri) throws IOException {
        if (id == null || id.isBlank()) {
            return null;
        }
        RegistryCredentials found = services.usernamePassword(id, scope.build(), registryUri);
        if (found == null) {
            throw new AbortException(functionName + ": no username/password credentials with id '" + id
                    + "' are visible to this build (registry " + registryUri + ")");
        }
        masker.add(found);
        return found;
    }

    /**
     * Runs core work on the agent that holds the workspace and returns its result; a checked core failure thrown
     * there is rethrown here as itself.
     */
    public <R extends Serializable> R onAgent(AgentTask<R> task) throws Exception {
        try {
            return services.act(scope.workspace(), new AgentCallable<>(task, console));
        } catch (AgentCallable.AgentTaskFailure failure) {
            throw (Exception) failure.getCause();
        }
    }

    /**
     * Keeps what the step did with the build: {@code entry} is added to the build's rollout action (its summary in
     * {@code build.xml}, the whole entry as JSON beside it), so it shows on the build page, in the report, in
     * {@code /rollout/api/json} and in the job's trends and DORA metrics. Call once per build, deploy, rollback,
     * verification or test result, in the order they happened.
     *
     * <p>Usage: {@code run.record(new ReportEntry.Rollout(record));}
     *
     * @throws IOException when the build folder cannot be written
     */
    public void record(ReportEntry entry) throws IOException {
        aborting = null;
        services.attach(scope.build(), entry);
    }

    /** From now until the step records its outcome, an abort of the step records {@code what} as ABORTED. */
    void whenAborted(AbortRecord what) {
        abortingSinceMillis = System.currentTimeMillis();
        aborting = what;
    }

    /**
     * Records the ABORTED entry of {@link #whenAborted}, if the step set one and recorded nothing since; never
     * throws (the abort is what the step reports).
     */
    void recordAbort() {
        AbortRecord what = aborting;
        if (what == null) {
            return;
        }
        // The abort interrupted this thread, and an interrupted thread cannot write a file through NIO (the channel
        // closes): record with the flag cleared, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            record(what.entry(functionName, abortingSinceMillis, System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            console.line("could not record the abort with the build: " + e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Marks the build and the step's stage UNSTABLE and says why on the console; the step itself goes on (it returns
     * normally).
     *
     * <p>Usage: {@code run.markUnstable(result.summary());}
     */
    public void markUnstable(String why) {
        String masked = masker.mask(why);
        console.line("marking the build UNSTABLE: " + masked);
        services.markUnstable(scope.build(), scope.node(), masked);
    }
}
