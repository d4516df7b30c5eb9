package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Polls the live containers of a label selector until all are ready or the check's timeout passes. */
record HealthCheckRunner(DockerClient docker, CheckLog log) {
    private static final long POLL_MILLIS = 500;

    Verdict run(HealthCheck check) throws InterruptedException {
        long deadline = System.nanoTime() + check.timeoutMillis() * 1_000_000;
        int polls = 0;
        while (true) {
            polls++;
            List<HealthEvidence.Container> seen = look(check);
            long ready = seen.stream().filter(HealthEvidence.Container::ready).count();
            boolean enough = seen.size() >= check.minContainers() && ready == seen.size();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (enough || left <= 0) {
                String summary = ready + "/" + seen.size() + " containers ready (" + check.labels() + ")"
                        + (seen.size() < check.minContainers() ? ", " + check.minContainers() + " required" : "")
                        + (enough ? "" : " after " + check.timeoutMillis() + " ms: " + notReady(seen, check));
                log.line("health " + summary);
                return new Verdict(enough, summary, new HealthEvidence(seen, polls));
            }
            Thread.sleep(Math.min(POLL_MILLIS, left));
        }
    }

    private List<HealthEvidence.Container> look(HealthCheck check) {
        // live containers only (running, restarting, paused): stopped ones of older revisions carry the same app
        // label and are kept for rollback; a replica that crashed out is caught by minContainers
        List<Container> listed = docker.listContainersCmd()
                .withLabelFilter(LabelSelector.parse(check.labels(), "labels")).exec();
        List<HealthEvidence.Container> seen = new ArrayList<>();
        for (Container c : listed) {
            try {
                seen.add(state(docker.inspectContainerCmd(c.getId()).exec(), check.minReadySeconds()));
            } catch (NotFoundException removedMeanwhile) {
                // gone between list and inspect: it is simply not part of the set any more
            }
        }
        seen.sort(Comparator.comparing(HealthEvidence.Container::name));
        return seen;
    }

    private static HealthEvidence.Container state(InspectContainerResponse c, long minReadySeconds) {
        InspectContainerResponse.ContainerState s = c.getState();
        boolean running = Boolean.TRUE.equals(s.getRunning());
        String health = s.getHealth() == null || s.getHealth().getStatus() == null ? "none" : s.getHealth().getStatus();
        long up = running ? secondsSince(s.getStartedAt()) : 0;
        boolean ready = running && (health.equals("healthy") || health.equals("none") && up >= minReadySeconds);
        return new HealthEvidence.Container(c.getId().substring(0, 12), c.getName().replaceFirst("^/", ""),
                String.valueOf(s.getStatus()), health, up, c.getRestartCount() == null ? 0 : c.getRestartCount(), ready);
    }

    private static long secondsSince(String startedAt) {
        try {
            return Math.max(0, Duration.between(Instant.parse(startedAt), Instant.now()).toSeconds());
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }

    private static String notReady(List<HealthEvidence.Container> seen, HealthCheck check) {
        List<String> why = seen.stream().filter(c -> !c.ready())
                .map(c -> c.name() + " " + c.state() + (c.health().equals("none") ? ", up " + c.runningSeconds() + "/"
                        + check.minReadySeconds() + " s" : ", " + c.health())).toList();
        return why.isEmpty() ? "too few containers" : String.join("; ", why);
    }
}
