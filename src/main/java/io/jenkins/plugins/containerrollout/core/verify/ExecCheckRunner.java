package io.jenkins.plugins.containerrollout.core.verify;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an {@link ExecCheck}'s command in the matching running containers, each run bounded by the timeout. */
record ExecCheckRunner(DockerClient docker, CheckLog log) {
    Verdict run(ExecCheck check) throws InterruptedException {
        List<Container> running = new ArrayList<>(docker.listContainersCmd()
                .withLabelFilter(LabelSelector.parse(check.labels(), "labels")).withStatusFilter(List.of("running")).exec());
        running.sort(Comparator.comparing(ExecCheckRunner::name));
        if (running.isEmpty()) {
            String summary = "no running container matches " + check.labels();
            log.line("exec " + summary);
            return new Verdict(false, summary, new ExecEvidence(List.of()));
        }
        List<ExecEvidence.Run> runs = new ArrayList<>();
        for (Container c : check.all() ? running : running.subList(0, 1)) {
            runs.add(exec(check, c));
        }
        List<ExecEvidence.Run> failed = runs.stream().filter(r -> r.exitCode() != 0).toList();
        String summary = (runs.size() - failed.size()) + "/" + runs.size() + " runs exited 0"
                + (failed.isEmpty() ? "" : "; " + failed.get(0).container() + (failed.get(0).timedOut()
                        ? " did not finish within " + check.timeoutMillis() + " ms" : " exited " + failed.get(0).exitCode())
                        + ": " + firstLine(failed.get(0).output()));
        return new Verdict(failed.isEmpty(), summary, new ExecEvidence(runs));
    }

    private ExecEvidence.Run exec(ExecCheck check, Container c) throws InterruptedException {
        long start = System.nanoTime();
        String execId = docker.execCreateCmd(c.getId()).withCmd(check.command().toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        OutputCapture output = new OutputCapture();
        boolean finished;
        try (OutputCapture streaming = docker.execStartCmd(execId).exec(output)) {
            finished = streaming.awaitCompletion(check.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException closing) {
            finished = false;
        }
        // the engine cannot kill an exec; a timed-out command is reported and left to the container's lifetime
        Long code = finished ? docker.inspectExecCmd(execId).exec().getExitCodeLong() : null;
        int exit = code == null ? -1 : code.intValue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.line("exec " + String.join(" ", check.command()) + " in " + name(c) + " → "
                + (finished ? "exit " + exit : "timed out") + " in " + millis + " ms");
        return new ExecEvidence.Run(name(c), exit, !finished, output.toString(), millis);
    }

    private static String name(Container c) {
        return c.getNames() == null || c.getNames().length == 0 ? c.getId().substring(0, 12) : c.getNames()[0].replaceFirst("^/", "");
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no output)");
    }
}
