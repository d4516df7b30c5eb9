package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.deploy.DeployImage;
import io.jenkins.plugins.containerrollout.core.deploy.DeployRequest;
import io.jenkins.plugins.containerrollout.core.deploy.ReplicaSpec;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code containerDeploy} Pipeline step: rolls an application out to an image on the agent's Docker engine
 * (rolling, recreate, blue-green, canary), waits until every replica passes its health gate, rolls back
 * automatically when it does not, records what happened with the build and returns a small map.
 *
 * <p>Usage:
 * <pre>{@code
 * def d = containerDeploy(app: 'web', image: img.imageRef, replicas: 4, portBase: 21000, healthPath: '/health',
 *         strategy: rolling(maxSurge: 1, maxUnavailable: 0))
 * echo "revision ${d.revision} (${d.outcome}), availability floor ${d.availabilityFloor}"
 * }</pre>
 * {@code FAILED} (and {@code ROLLED_BACK} unless {@code failOnRollback: false}) fails it; {@code PAUSED} returns.
 */
public final class ContainerDeployStep extends RolloutStep {
    /** The Pipeline function name. */
    public static final String FUNCTION_NAME = "containerDeploy";

    private final String app;
    private final String image;
    private final int portBase;
    private int replicas = 1;
    private String healthPath = "/";
    private int minReadySeconds;
    private int progressDeadlineSeconds = 600;
    private double failureRatio;
    private boolean autoRollback = true;
    private boolean failOnRollback = true;
    private boolean replacePaused;
    private Map<String, String> env = new LinkedHashMap<>();
    private List<String> entrypoint = new ArrayList<>();
    private List<String> command = new ArrayList<>();
    private String memory;
    private String cpus;
    private String restartPolicy;
    private Map<String, String> labels = new LinkedHashMap<>();
    private List<String> volumes = new ArrayList<>();
    private String networkMode;
    private int containerPort;
    private int stopTimeoutSeconds = 10;
    private int revisionHistoryLimit = 10;
    private String registryCredentialsId;
    private String compose;
    private String project;
    private Map<String, String> images = new LinkedHashMap<>();

    /**
     * @param app      application name: lower-case letters, digits, {@code -} and {@code _}
     * @param image    the image reference to run: a tag, or {@code repo@sha256:...} ({@code imageRef} from
     *                 {@code containerBuild}); a bare digest is refused
     * @param portBase replica in slot {@code k} serves on {@code 127.0.0.1:(portBase + k)}
     */
    @DataBoundConstructor
    public ContainerDeployStep(String app, String image, int portBase) {
        this.app = RolloutForms.blankToNull(app);
        this.image = RolloutForms.blankToNull(image);
        this.portBase = portBase;
    }

    public String getApp() {
        return app;
    }

    public String getImage() {
        return image;
    }

    public int getPortBase() {
        return portBase;
    }

    public int getReplicas() {
        return replicas;
    }

    @DataBoundSetter
    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    public String getHealthPath() {
        return healthPath;
    }

    /** Path probed on every replica ({@code GET http://127.0.0.1:PORT<path>}) when its image has no HEALTHCHECK. */
    @DataBoundSetter
    public void setHealthPath(String healthPath) {
        this.healthPath = healthPath == null || healthPath.isBlank() ? "/" : healthPath.strip();
    }

    public int getMinReadySeconds() {
        return minReadySeconds;
    }

    @DataBoundSetter
    public void setMinReadySeconds(int minReadySeconds) {
        this.minReadySeconds = minReadySeconds;
    }

    public int getProgressDeadlineSeconds() {
        return progressDeadlineSeconds;
    }

    @DataBoundSetter
    public void setProgressDeadlineSeconds(int progressDeadlineSeconds) {
        this.progressDeadlineSeconds = progressDeadlineSeconds;
    }

    public double getFailureRatio() {
        return failureRatio;
    }

    /** Failed new replicas / started new replicas tolerated (failed ones are replaced); 0 fails on the first. */
    @DataBoundSetter
    public void setFailureRatio(double failureRatio) {
        this.failureRatio = failureRatio;
    }

    public boolean isAutoRollback() {
        return autoRollback;
    }

    @DataBoundSetter
    public void setAutoRollback(boolean autoRollback) {
        this.autoRollback = autoRollback;
    }

    public boolean isFailOnRollback() {
        return failOnRollback;
    }

    /** Whether an automatic rollback fails the step (default); off, the script reads {@code outcome} itself. */
    @DataBoundSetter
    public void setFailOnRollback(boolean failOnRollback) {
        this.failOnRollback = failOnRollback;
    }

    public boolean isReplacePaused() {
        return replacePaused;
    }

    /** When a rollout of the app holds at a pause: abort it first, then deploy (default off: refused). */
    @DataBoundSetter
    public void setReplacePaused(boolean replacePaused) {
        this.replacePaused = replacePaused;
    }

    public Map<String, String> getEnv() {
        return new LinkedHashMap<>(env);
    }

    @DataBoundSetter
    public void setEnv(Map<String, String> env) {
        this.env = StepArguments.copy(env);
    }

    public List<String> getEntrypoint() {
        return new ArrayList<>(entrypoint);
    }

    /** Entrypoint override; in the form one argument per line. */
    @DataBoundSetter
    public void setEntrypoint(List<String> entrypoint) {
        this.entrypoint = StepArguments.lines(entrypoint);
    }

    public List<String> getCommand() {
        return new ArrayList<>(command);
    }

    /** Command (arguments) override; in the form one argument per line. */
    @DataBoundSetter
    public void setCommand(List<String> command) {
        this.command = StepArguments.lines(command);
    }

    public String getMemory() {
        return memory;
    }

    /** Memory limit like {@code docker run --memory}: {@code '256m'}, {@code '1g'}. */
    @DataBoundSetter
    public void setMemory(String memory) {
        this.memory = RolloutForms.blankToNull(memory);
    }

    public String getCpus() {
        return cpus;
    }

    /** CPU limit like {@code docker run --cpus}: {@code 0.5} or {@code '0.5'} (a number binds: {@link StepArguments#numberOrText}). */
    @DataBoundSetter
    public void setCpus(Object cpus) {
        this.cpus = StepArguments.numberOrText("cpus", cpus);
    }

    public String getRestartPolicy() {
        return restartPolicy;
    }

    @DataBoundSetter
    public void setRestartPolicy(String restartPolicy) {
        this.restartPolicy = RolloutForms.blankToNull(restartPolicy);
    }

    public Map<String, String> getLabels() {
        return new LinkedHashMap<>(labels);
    }

    @DataBoundSetter
    public void setLabels(Map<String, String> labels) {
        this.labels = StepArguments.copy(labels);
    }

    public List<String> getVolumes() {
        return new ArrayList<>(volumes);
    }

    /** Binds as {@code docker run -v} takes them; in the form one per line. */
    @DataBoundSetter
    public void setVolumes(List<String> volumes) {
        this.volumes = StepArguments.lines(volumes);
    }

    public String getNetworkMode() {
        return networkMode;
    }

    @DataBoundSetter
    public void setNetworkMode(String networkMode) {
        this.networkMode = RolloutForms.blankToNull(networkMode);
    }

    public int getContainerPort() {
        return containerPort;
    }

    /** With a bridge network: the port the process listens on inside the container. */
    @DataBoundSetter
    public void setContainerPort(int containerPort) {
        this.containerPort = containerPort;
    }

    public int getStopTimeoutSeconds() {
        return stopTimeoutSeconds;
    }

    @DataBoundSetter
    public void setStopTimeoutSeconds(int stopTimeoutSeconds) {
        this.stopTimeoutSeconds = stopTimeoutSeconds;
    }

    public int getRevisionHistoryLimit() {
        return revisionHistoryLimit;
    }

    @DataBoundSetter
    public void setRevisionHistoryLimit(int revisionHistoryLimit) {
        this.revisionHistoryLimit = revisionHistoryLimit;
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    /** Username/password credentials to pull a private image with, when the engine lacks it. */
    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = RolloutForms.blankToNull(registryCredentialsId);
    }

    public String getCompose() {
        return compose;
    }

    /** A Compose file, relative to the workspace: deploys its services as one stack ({@link StackSteps}). */
    @DataBoundSetter
    public void setCompose(String compose) {
        this.compose = RolloutForms.blankToNull(compose);
    }

    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = RolloutForms.blankToNull(project);
    }

    public Map<String, String> getImages() {
        return new LinkedHashMap<>(images);
    }

    /** Service → image overriding the file's; a map, bound by structs as {@code env} is. */
    @DataBoundSetter
    public void setImages(Map<String, String> images) {
        this.images = StepArguments.copy(images);
    }

    /**
     * The one mapping from step arguments to the core request, validated by the core.
     *
     * @param buildUrl the deploying build's URL, or null
     * @param commit   the source commit ({@code GIT_COMMIT}), or null
     * @throws IllegalArgumentException naming the parameter and the fix
     */
    public DeployRequest toRequest(DockerHost host, String buildUrl, String commit) {
        StackSteps.requireAppForm(this);
        StepArguments.requireApp(app);
        DeployImage.require("image", image);
        ReplicaSpec spec = new ReplicaSpec(image, env, entrypoint.isEmpty() ? null : entrypoint,
                command.isEmpty() ? null : command, ResourceLimits.memoryBytes(memory), ResourceLimits.nanoCpus(cpus),
                restartPolicy, labels, volumes, networkMode, containerPort, stopTimeoutSeconds);
        RolloutStrategy rollout = rolloutStrategy()
                .withMinReadySeconds(minReadySeconds).withProgressDeadlineSeconds(progressDeadlineSeconds)
                .withFailureRatio(failureRatio).withAutoRollback(autoRollback);
        requireRouterFor(rollout);
        return new DeployRequest(host, app, spec, replicas, portBase, rollout, probe(healthPath), revisionHistoryLimit,
                buildUrl, commit).withReplacePaused(replacePaused);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, JenkinsServices.LIVE, RolloutCore.ENGINE);
    }

    /** Runs {@code containerDeploy} ({@link AppDeployRun}, {@link StackSteps}): {@code new Execution(...).start()}. */
    static final class Execution extends RolloutCoreExecution {
        private static final long serialVersionUID = 1L;

        private final transient ContainerDeployStep step;

        Execution(StepContext context, ContainerDeployStep step, JenkinsServices services, RolloutCore core) {
            super(context, FUNCTION_NAME, services, core);
            this.step = step;
        }

        @Override
        protected Map<String, Object> perform(StepRun run) throws Exception {
            if (step.getCompose() != null) {
                return StackSteps.deploy(run, step, core);
            }
            return AppDeployRun.deploy(run, step, core);
        }
    }

    /**
     * Registers {@code containerDeploy} with Pipeline and backs its form in the Snippet Generator.
     *
     * <p>Usage: {@code new ContainerDeployStep.DescriptorImpl().getFunctionName() // "containerDeploy"}
     */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends RolloutStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION_NAME, "ContainerDeployStep.displayName");
        }

        /** Username/password credentials the user may pick for the image's registry. */
        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String registryCredentialsId, @QueryParameter String image) {
            return CredentialsForms.registry(item, registryCredentialsId, image);
        }

        /** No image, or not a reference. */
        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> StepArguments.requireImage(value));
        }

        /** Fewer than one replica, or more than a single host should run. */
        @POST
        public FormValidation doCheckReplicas(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> StepArguments.requireReplicas(RolloutForms.integer("replicas", value, 1)));
        }

        /** Not a port, or a privileged one. */
        @POST
        public FormValidation doCheckPortBase(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> StepArguments.requirePort("portBase", RolloutForms.integer("portBase", value, 0)));
        }

        /** A path without the leading slash. */
        @POST
        public FormValidation doCheckHealthPath(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> ProbeSettings.defaults().withPath(value == null || value.isBlank() ? "/" : value.strip()));
        }

        /** Not a size. */
        @POST
        public FormValidation doCheckMemory(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> ResourceLimits.memoryBytes(value));
        }

        /** Not a number of CPUs. */
        @POST
        public FormValidation doCheckCpus(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> ResourceLimits.nanoCpus(value));
        }

        /** A deadline below one second. */
        @POST
        public FormValidation doCheckProgressDeadlineSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> RolloutStrategy.rolling()
                    .withProgressDeadlineSeconds(RolloutForms.integer("progressDeadlineSeconds", value, 600)));
        }

        /** A negative history limit. */
        @POST
        public FormValidation doCheckRevisionHistoryLimit(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> StepArguments.requireHistoryLimit(RolloutForms.integer(
                    "revisionHistoryLimit", value, 10)));
        }

        /** A Compose file path that is absolute or leaves the workspace. */
        @POST
        public FormValidation doCheckCompose(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> StackSteps.requireComposePath(RolloutForms.blankToNull(value)));
        }
    }
}
