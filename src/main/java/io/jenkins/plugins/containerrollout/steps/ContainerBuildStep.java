package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code containerBuild} Pipeline step: builds an image from a context directory in the workspace on the
 * agent's Docker engine, tags it, optionally pushes every tag, and returns a small map describing the image.
 *
 * <p>Usage:
 * <pre>{@code
 * def img = containerBuild(context: 'app', tags: ['127.0.0.1:5000/app:1.0'], dockerfile: 'app/Dockerfile',
 *         buildArgs: [VERSION: '1.0'], target: 'runtime', labels: [team: 'x'], push: true,
 *         registryCredentialsId: 'registry')
 * containerDeploy(app: 'web', image: img.imageRef, portBase: 21000)   // the pushed repository@sha256:…
 * // also img.imageId, img.digest (bare), img.digests, img.tags, img.contextBytes, img.durationMillis
 * }</pre>
 */
public final class ContainerBuildStep extends Step {
    /** The Pipeline function name. */
    public static final String FUNCTION_NAME = "containerBuild";
    /** Bound on build and push when {@code timeoutMinutes} is not given. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 30;

    private final List<String> tags;
    private String context = ".";
    private String dockerfile;
    private Map<String, String> buildArgs = new LinkedHashMap<>();
    private String target;
    private Map<String, String> labels = new LinkedHashMap<>();
    private boolean noCache;
    private boolean pull;
    private boolean push;
    private String version;
    private String registryCredentialsId;
    private String dockerHost;
    private String dockerCredentialsId;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;

    /**
     * @param tags image references to apply, e.g. {@code 127.0.0.1:5000/app:1.0}; an entry holding several lines
     *             (the form's text area) counts as one tag per line
     */
    @DataBoundConstructor
    public ContainerBuildStep(List<String> tags) {
        this.tags = new ArrayList<>();
        if (tags != null) {
            for (String entry : tags) {
                for (String line : String.valueOf(entry).split("\\R")) {
                    if (!line.isBlank()) {
                        this.tags.add(line.strip());
                    }
                }
            }
        }
    }

    public List<String> getTags() {
        return new ArrayList<>(tags);
    }

    public String getContext() {
        return context;
    }

    /** The build context directory, relative to the workspace (or absolute); default {@code .}. */
    @DataBoundSetter
    public void setContext(String context) {
        this.context = context == null || context.isBlank() ? "." : context.strip();
    }

    public String getDockerfile() {
        return dockerfile;
    }

    /** The Dockerfile, relative to the workspace (or absolute); default {@code <context>/Dockerfile}. */
    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = blankToNull(dockerfile);
    }

    public Map<String, String> getBuildArgs() {
        return new LinkedHashMap<>(buildArgs);
    }

    /** {@code --build-arg} values. */
    @DataBoundSetter
    public void setBuildArgs(Map<String, String> buildArgs) {
        this.buildArgs = copy(buildArgs);
    }

    public String getTarget() {
        return target;
    }

    /** The multi-stage target to stop at; default the last stage. */
    @DataBoundSetter
    public void setTarget(String target) {
        this.target = blankToNull(target);
    }

    public Map<String, String> getLabels() {
        return new LinkedHashMap<>(labels);
    }

    /** Extra image labels; the OCI labels are added by the core. */
    @DataBoundSetter
    public void setLabels(Map<String, String> labels) {
        this.labels = copy(labels);
    }

    public boolean isNoCache() {
        return noCache;
    }

    @DataBoundSetter
    public void setNoCache(boolean noCache) {
        this.noCache = noCache;
    }

    public boolean isPull() {
        return pull;
    }

    @DataBoundSetter
    public void setPull(boolean pull) {
        this.pull = pull;
    }

    public boolean isPush() {
        return push;
    }

    @DataBoundSetter
    public void setPush(boolean push) {
        this.push = push;
    }

    public String getVersion() {
        return version;
    }

    /**
     * Value of the {@code org.opencontainers.image.version} label; a number binds too ({@code currentBuild.number}),
     * see {@link StepArguments#numberOrText}.
     */
    @DataBoundSetter
    public void setVersion(Object version) {
        this.version = StepArguments.numberOrText("version", version);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    /** Id of username/password credentials for the registry of the first tag. */
    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = blankToNull(registryCredentialsId);
    }

    public String getDockerHost() {
        return dockerHost;
    }

    /** The engine, e.g. {@code tcp://127.0.0.1:2375}; default {@code DOCKER_HOST} from the environment. */
    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = blankToNull(dockerHost);
    }

    public String getDockerCredentialsId() {
        return dockerCredentialsId;
    }

    /** Id of docker-commons "Docker Server Certificate" credentials: TLS material for a {@code tcp://} engine. */
    @DataBoundSetter
    public void setDockerCredentialsId(String dockerCredentialsId) {
        this.dockerCredentialsId = blankToNull(dockerCredentialsId);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    /**
     * What is wrong with these arguments before anything runs (no tags, a malformed tag, a timeout below one
     * minute); empty when nothing is.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (tags.isEmpty()) {
            problems.add("give at least one image tag: tags: ['registry/app:1.0']");
        }
        for (String tag : tags) {
            String problem = ImageReferences.problem(tag);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (timeoutMinutes < 1) {
            problems.add("timeoutMinutes must be at least 1 (was " + timeoutMinutes + ")");
        }
        return problems;
    }

    /**
     * The one mapping from step arguments to the core request. {@code context} and {@code dockerfile} stay as
     * written (relative to the workspace); {@link BuildTask} anchors them on the agent.
     */
    public BuildRequest toRequest(DockerHost host, RegistryCredentials credentials) {
        return new BuildRequest(host, context, dockerfile, tags, buildArgs, target, labels, noCache, pull, push, version,
                credentials, Duration.ofMinutes(timeoutMinutes));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, JenkinsServices.LIVE, BuildCore.IMAGE_BUILDER);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> copy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            // Pipeline maps may carry GStrings or numbers as values: keep their text.
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
                copy.put(String.valueOf(entry.getKey()), entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
            }
        }
        return copy;
    }

    /**
     * Runs {@code containerBuild}: checks the arguments, resolves host and credentials, builds on the agent and
     * returns {@link BuildSummary}.
     *
     * <p>Usage: {@code new Execution(context, step, JenkinsServices.LIVE, BuildCore.IMAGE_BUILDER).start()}
     */
    static final class Execution extends ContainerStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient ContainerBuildStep step;
        private final transient BuildCore core;

        Execution(StepContext context, ContainerBuildStep step, JenkinsServices services, BuildCore core) {
            super(context, FUNCTION_NAME, services);
            this.step = step;
            this.core = core;
        }

        @Override
        protected Map<String, Object> perform(StepRun run) throws Exception {
            List<String> problems = step.problems();
            if (!problems.isEmpty()) {
                throw new AbortException(FUNCTION_NAME + ": " + String.join("; ", problems));
            }
            DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
            String registry = ImageReferences.registryUri(step.tags.get(0));
            RegistryCredentials credentials = run.registryCredentials(step.getRegistryCredentialsId(), registry);
            BuildRequest request = step.toRequest(host, credentials);
            run.console().line("building " + String.join(", ", request.tags()) + " from " + request.context()
                    + (request.dockerfile() == null ? "" : " with " + request.dockerfile()) + " on " + host.uri()
                    + (credentials == null ? "" : " (registry login: " + credentials.username() + ")"));
            BuildResult result = run.onAgent(new BuildTask(request, core));
            run.record(new ReportEntry.Build(request.tags().get(0), result));
            run.console().line("built " + result.imageId() + (result.digests().isEmpty() ? "" : ", pushed " + result.digests().size() + " tag(s)"));
            return BuildSummary.of(result);
        }
    }

    /**
     * Registers {@code containerBuild} with Pipeline and backs its form in the Snippet Generator.
     *
     * <p>Usage: {@code new ContainerBuildStep.DescriptorImpl().getFunctionName() // "containerBuild"}
     */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return StepScope.REQUIRED;
        }

        @Override
        public String getDisplayName() {
            return Messages.get("ContainerBuildStep.displayName");
        }

        /** Username/password credentials the user may pick for the registry. */
        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String registryCredentialsId,
                @QueryParameter String tags) {
            return CredentialsForms.registry(item, registryCredentialsId,
                    FormChecks.lines(tags).stream().findFirst().orElse(""));
        }

        /** Docker Server Certificate credentials the user may pick for a {@code tcp://} engine. */
        @POST
        public ListBoxModel doFillDockerCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String dockerCredentialsId,
                @QueryParameter String dockerHost) {
            return CredentialsForms.dockerServer(item, dockerCredentialsId, dockerHost);
        }

        /** No tags, or a malformed one. */
        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter boolean push) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            List<String> lines = FormChecks.lines(value);
            if (lines.isEmpty()) {
                return FormValidation.error(Messages.get("ContainerBuildStep.noTags"));
            }
            List<String> hub = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String problem = ImageReferences.problem(lines.get(i));
                if (problem != null) {
                    return FormValidation.error(Messages.get("ContainerBuildStep.badTag", i + 1, problem));
                }
                if (ImageReferences.registry(lines.get(i)) == null) {
                    hub.add(lines.get(i));
                }
            }
            if (push && !hub.isEmpty()) {
                return FormValidation.warning(Messages.get("ContainerBuildStep.pushWithoutRegistry", String.join(", ", hub)));
            }
            return FormValidation.ok();
        }

        /** A blank context (the workspace is {@code .}). */
        @POST
        public FormValidation doCheckContext(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.get("ContainerBuildStep.blankContext"));
            }
            if (new File(value.strip()).isAbsolute()) {
                return FormValidation.warning(Messages.get("ContainerBuildStep.absoluteContext"));
            }
            return FormValidation.ok();
        }

        /** A timeout below one minute. */
        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.positiveInt(value) ? FormValidation.ok() : FormValidation.error(Messages.get("ContainerBuildStep.badTimeout"));
        }
    }
}
