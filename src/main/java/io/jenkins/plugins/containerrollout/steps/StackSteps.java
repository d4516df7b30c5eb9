package io.jenkins.plugins.containerrollout.steps;

import hudson.AbortException;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.compose.StackResult;
import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.record.Operation;
import io.jenkins.plugins.containerrollout.core.record.Outcome;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack forms of the steps: {@code containerDeploy(compose: FILE, project: NAME, images: [SERVICE: IMAGE])} and
 * {@code containerRollback(project: NAME, toRevision: N)} (docs/compose.md). They check the step's arguments, run
 * {@link StackTasks} on the agent, record every service's rollout with the build and return a map: {@code project},
 * {@code revision} (the stack revision serving), {@code previousRevision}, {@code outcome}, {@code message} and
 * {@code services} (app → the revision it serves). A stack that did not succeed fails the step after its records are
 * attached, as a single deploy does ({@code ROLLED_BACK} only with {@code failOnRollback}, the default).
 *
 * <p>Usage: {@code if (step.getCompose() != null) return StackSteps.deploy(run, step, core);}
 */
final class StackSteps {
    private StackSteps() {
    }

    /**
     * The stack form of {@code containerDeploy} takes its apps, images and rollouts from the file.
     *
     * @throws IllegalArgumentException naming the parameters that do not go with {@code compose}
     */
    static void requireStackForm(ContainerDeployStep step) {
        if (step.getApp() != null || step.getImage() != null) {
            throw new RequestException("app, image: with compose every service is an app (PROJECT-SERVICE) running "
                    + "the file's image; remove app and image, and override an image with images: [SERVICE: IMAGE]");
        }
        requireComposePath(step.getCompose());
        stackRouterSocket(step);
    }

    /**
     * The Compose file is read on the agent below the workspace, where the checkout is.
     *
     * @throws IllegalArgumentException naming {@code compose} when the path is absolute or leaves the workspace
     */
    static void requireComposePath(String compose) {
        if (compose == null) {
            return;
        }
        java.nio.file.Path path = java.nio.file.Path.of(compose.replace('\\', '/'));
        if (path.isAbsolute() || compose.startsWith("/") || path.normalize().startsWith("..")) {
            throw new RequestException("compose: '" + compose + "' is not below the workspace; give the path "
                    + "relative to the workspace, e.g. compose: 'deploy/compose.yaml'");
        }
    }

    /** Without {@code compose}, {@code project} and {@code images} mean nothing. */
    static void requireAppForm(ContainerDeployStep step) {
        if (step.getProject() != null || !step.getImages().isEmpty()) {
            throw new RequestException("project, images: they name a Compose project and its services' images; "
                    + "add compose: 'path/to/compose.yaml' (relative to the workspace), or remove them");
        }
    }

    /**
     * A stack's router is one HAProxy whose backends are named after the apps ({@code shop-web}); its frontend and
     * preview ports belong to one app, so they are refused rather than ignored.
     *
     * @return the admin socket, or null without a router
     */
    private static String stackRouterSocket(RolloutStep step) {
        if (step.getRouter() == null || step.getRouter() instanceof DirectRouting) {
            return null;
        }
        HaproxyRouting haproxy = (HaproxyRouting) step.getRouter();
        if (haproxy.getFrontendPort() > 0 || haproxy.getPreviewPort() > 0) {
            throw new RequestException("router: frontendPort and previewPort name one app's frontend; a stack's "
                    + "router gives each service a backend named after its app (PROJECT-SERVICE): remove them");
        }
        return haproxy.settings("stack").socket(); // the socket as any app's router checks and records it
    }

    /** The step's {@code strategy} with its gates, or null when it names none (each service's own, else rolling). */
    private static RolloutStrategy stackStrategy(ContainerDeployStep step) {
        if (step.getStrategy() == null) {
            return null;
        }
        return step.rolloutStrategy().withMinReadySeconds(step.getMinReadySeconds())
                .withProgressDeadlineSeconds(step.getProgressDeadlineSeconds()).withFailureRatio(step.getFailureRatio());
    }

    /** A rollback restores each service as it ran; a strategy for it is refused rather than ignored. */
    private static void requireFileRollouts(RolloutStep step) {
        if (step.getStrategy() != null) {
            throw new RequestException("strategy: a stack rollback restores every service as its revision ran; "
                    + "remove strategy");
        }
    }

    static Map<String, Object> deploy(StepRun run, ContainerDeployStep step, RolloutCore core) throws Exception {
        requireStackForm(step);
        DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
        // the images are known only once the file is read on the agent: no registry URI to pick domains with, as for
        // containerRollback (StepRun.registryCredentials with no URI finds the id in any domain)
        RegistryCredentials credentials = run.registryCredentials(step.getRegistryCredentialsId(), null);
        String project = step.getProject() == null ? "the file's name:" : step.getProject();
        run.console().line("deploying stack " + project + " from " + step.getCompose() + " on " + host.uri());
        run.whenAborted(new AbortRecord(Operation.DEPLOY, step.getProject(), null, "stack", 0));
        StackResult result = run.onAgent(new StackTasks.Deploy(step.targetKind(), host, step.getCompose(),
                step.getProject(), new LinkedHashMap<>(step.getImages()),
                new LinkedHashMap<>(run.scope().environment()), step.probe(step.getHealthPath()),
                stackStrategy(step), stackRouterSocket(step), credentials, core));
        return conclude(run, result, step.isFailOnRollback());
    }

    static Map<String, Object> rollback(StepRun run, ContainerRollbackStep step, RolloutCore core) throws Exception {
        if (step.getApp() != null) {
            throw new RequestException("app, project: give one; project rolls back every service of a stack, app one "
                    + "application");
        }
        requireFileRollouts(step);
        if (step.getToRevision() < 0) {
            throw new RequestException("toRevision: use 0 (the stack revision before the latest) or a stack revision");
        }
        DockerHost host = run.dockerHost(step.getDockerHost(), step.getDockerCredentialsId());
        RegistryCredentials credentials = run.registryCredentials(step.getRegistryCredentialsId(), null);
        run.console().line("rolling stack " + step.getProject() + " back to " + (step.getToRevision() == 0
                ? "its previous stack revision" : "stack revision " + step.getToRevision()) + " on " + host.uri());
        run.whenAborted(new AbortRecord(Operation.ROLLBACK, step.getProject(), null, "stack", 0));
        StackResult result = run.onAgent(new StackTasks.Rollback(step.targetKind(), host, step.getProject(),
                step.getToRevision(), step.probe("/"), stackRouterSocket(step), credentials, core));
        return conclude(run, result, true);
    }

    /** The map the script gets (mutable JDK collections only, so the CPS engine can persist it). */
    static Map<String, Object> summary(StackResult result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("project", result.project());
        summary.put("revision", result.servingRevision());
        summary.put("previousRevision", result.fromRevision());
        summary.put("outcome", result.outcome().name());
        summary.put("message", result.message());
        Map<String, Object> services = new LinkedHashMap<>();
        for (RolloutRecord r : result.services()) {
            services.put(r.app(), r.servingRevision()); // a failed deploy's undo comes later: the last one serves
        }
        summary.put("services", services);
        return summary;
    }

    /**
     * Records every service's rollout, says how the stack ended, then fails the step as {@link DeploySummary#failure}
     * does for one app.
     *
     * @throws AbortException naming the stack's outcome and its cause, after the records are attached
     */
    static Map<String, Object> conclude(StepRun run, StackResult result, boolean failOnRollback) throws IOException {
        for (ReportEntry entry : result.reportEntries()) {
            run.record(entry); // tagged with the stack command: the build page groups them under one stack heading
        }
        run.console().line("stack " + result.project() + " " + result.outcome().name() + ": " + result.message());
        Outcome outcome = result.outcome();
        if (outcome != Outcome.SUCCEEDED && !(outcome == Outcome.ROLLED_BACK && !failOnRollback)) {
            throw new AbortException(run.masker().mask(run.functionName() + ": stack " + result.project() + " "
                    + outcome.name() + ": " + result.message()));
        }
        return summary(result);
    }
}
