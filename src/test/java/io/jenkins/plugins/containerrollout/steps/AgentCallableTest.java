package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.model.TaskListener;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/**
 * Console lines written on the agent are in the build log, in order, when the agent call returns. On an agent the
 * Pipeline's listener is workflow-api's {@code BufferedBuildListener}, rebuilt by its {@code Replacement.readResolve}
 * as a {@code PrintStream} without autoflush over a {@code DelayBufferedOutputStream} (jenkinsci/workflow-api-plugin,
 * {@code src/main/java/org/jenkinsci/plugins/workflow/log/}), which only a timer or an explicit flush writes out
 * through remoting's {@code RemoteOutputStream}. The listener here buffers the same way: its lines reach the log
 * only on flush.
 */
public class AgentCallableTest {

    @Test
    public void everyLineIsInTheLogWhenTheAgentCallReturns() throws Exception {
        BufferedListener listener = new BufferedListener();
        AgentCallable<String> call = new AgentCallable<>((workspace, console) -> {
            console.line("pulling");
            console.line("started");
            return "done";
        }, new ConsoleSink(listener, "containerDeploy", new SecretMasker()));

        assertEquals("done", call.invoke(new File("."), null));

        assertEquals(String.format("[containerDeploy] pulling%n[containerDeploy] started%n"), listener.log());
    }

    @Test
    public void theLinesBeforeAFailureAreInTheLogToo() {
        BufferedListener listener = new BufferedListener();
        AgentCallable<String> call = new AgentCallable<>((workspace, console) -> {
            console.line("port 21000 is taken");
            throw new IllegalArgumentException("portBase: 21000 is taken");
        }, new ConsoleSink(listener, "containerDeploy", new SecretMasker()));

        assertThrows(IllegalArgumentException.class, () -> call.invoke(new File("."), null));

        assertEquals(String.format("[containerDeploy] port 21000 is taken%n"), listener.log());
    }

    /** A console whose lines reach the log only when its stream is flushed (a 64 KiB buffer, no autoflush). */
    private static final class BufferedListener implements TaskListener {
        private static final long serialVersionUID = 1L;

        private final transient ByteArrayOutputStream log = new ByteArrayOutputStream();
        private final transient PrintStream logger =
                new PrintStream(new BufferedOutputStream(log, 1 << 16), false, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String log() {
            return log.toString(StandardCharsets.UTF_8);
        }
    }
}
