package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.containerrollout.core.verify.junit.JunitReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs a smoke-test container to completion (or kills it at its timeout), collects its log tail and JUnit reports,
 * and always removes it.
 */
record SmokeTestRunner(DockerClient docker, CheckLog log) {
    /** Label on every smoke-test container, so a leftover one can be found and cleaned up. */
    static final String LABEL = "io.jenkins.containerrollout.verify";
    private static final int LOG_TAIL_LINES = 50;

    /** @param targets the check's target URL over every endpoint; the first is {@code TARGET_URL} */
    Verdict run(SmokeTestCheck check, List<String> targets) throws InterruptedException {
        String targetUrl = targets.get(0);
        try {
            docker.inspectImageCmd(check.image()).exec();
        } catch (NotFoundException e) {
            String why = "image " + check.image() + " is not on the engine; build or pull it before verifying";
            log.line("smokeTest " + why);
            return new Verdict(false, why, new SmokeTestEvidence(check.image(), "", targetUrl, -1, false, "", List.of(),
                    JunitReport.EMPTY, why));
        }
        String name = "verify-" + check.name().replaceAll("[^a-zA-Z0-9_.-]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String id = create(check, name, targets);
        try {
            docker.startContainerCmd(id).exec();
            log.line("smokeTest " + check.image() + " started as " + name + " with TARGET_URL=" + targetUrl);
            long start = System.nanoTime();
            int exit = awaitExit(id, check.timeoutMillis());
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean timedOut = exit == Integer.MIN_VALUE;
            if (timedOut) {
                kill(id);
                exit = -1;
            }
            String logTail = logTail(id);
            // why it ended, as the engine saw it, before the container is removed
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
            String engineError = state.getError() == null ? "" : state.getError();
            ContainerReports.Collected reports = ContainerReports.collect(docker, id, check.reportPath(),
                    check.reportsDir() == null ? null : Path.of(check.reportsDir()));
            if (check.reportsDir() != null && !reports.files().isEmpty()) {
                log.line("smokeTest wrote " + reports.files().size() + " report file(s) to " + check.reportsDir());
            }
            boolean passed = !timedOut && exit == 0 && reports.error().isEmpty() && reports.report().successful();
            String summary = (timedOut ? "killed after " + check.timeoutMillis() + " ms (timeout)" : "exit " + exit + " after "
                    + millis + " ms") + (oomKilled ? " (OOMKilled: it exceeded its memory limit)" : "")
                    + (engineError.isEmpty() ? "" : " (" + engineError + ")") + "; " + describe(reports);
            log.line("smokeTest " + name + ": " + summary);
            return new Verdict(passed, summary, new SmokeTestEvidence(check.image(), name, targetUrl, exit, timedOut,
                    logTail, reports.files(), reports.report(), reports.error(), oomKilled, engineError));
        } finally {
            remove(id);
        }
    }

    private static String describe(ContainerReports.Collected reports) {
        return (reports.error().isEmpty() ? reports.report().summary() : reports.error())
                + reports.report().failures().stream().findFirst()
                        .map(f -> "; first failure: " + f.displayName() + ": " + f.message()).orElse("");
    }

    private String create(SmokeTestCheck check, String name, List<String> targets) {
        List<String> env = new ArrayList<>();
        check.env().forEach((k, v) -> {
            if (!k.equals("TARGET_URL") && !k.equals("TARGET_URLS")) {
                env.add(k + "=" + v);
            }
        });
        env.add("TARGET_URL=" + targets.get(0));
        env.add("TARGET_URLS=" + String.join(" ", targets));
        CreateContainerCmd create = docker.createContainerCmd(check.image()).withName(name).withEnv(env)
                .withLabels(Map.of(LABEL, check.name()))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"));
        if (!check.command().isEmpty()) {
            create.withCmd(check.command());
        }
        return create.exec().getId();
    }

    /** The exit code, or {@link Integer#MIN_VALUE} when the container outlived the timeout. */
    private int awaitExit(String id, long timeoutMillis) throws InterruptedException {
        try (WaitContainerResultCallback wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            // awaitCompletion, not awaitStatusCode(timeout): the latter turns an interrupt into an exception and loses it
            if (!wait.awaitCompletion(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return Integer.MIN_VALUE;
            }
            return wait.awaitStatusCode();
        } catch (IOException closing) {
            return Integer.MIN_VALUE;
        }
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (DockerException alreadyStopped) {
            // it exited between the timeout and the kill: the state is what we wanted
        }
    }

    private String logTail(String id) throws InterruptedException {
        try (OutputCapture output = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withTail(LOG_TAIL_LINES).exec(new OutputCapture())) {
            output.awaitCompletion(10, TimeUnit.SECONDS);
            return output.toString();
        } catch (IOException | DockerException e) {
            return "(log unavailable: " + e.getMessage() + ")";
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed: nothing left behind
        }
    }
}
