package io.jenkins.plugins.containerrollout.steps;

import hudson.model.TaskListener;
import io.jenkins.plugins.containerrollout.core.ProgressSink;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * The core's progress, written to the build console: every line prefixed with the step name and with every secret
 * masked. Serializable, because it travels to the agent with the core's work (the listener's stream is remoted by
 * Jenkins).
 *
 * <p>Usage: {@code ProgressSink console = new ConsoleSink(listener, "containerBuild", masker);}
 */
public final class ConsoleSink implements ProgressSink, Serializable {
    private static final long serialVersionUID = 1L;

    private final TaskListener listener;
    private final String prefix;
    private final SecretMasker masker;

    /**
     * @param listener     the build's console
     * @param functionName the step name, shown as {@code [functionName] } in front of every line
     * @param masker       secrets to hide; consulted at every line, so secrets added later are masked too
     */
    public ConsoleSink(TaskListener listener, String functionName, SecretMasker masker) {
        this.listener = listener;
        this.prefix = "[" + functionName + "] ";
        this.masker = masker;
    }

    /**
     * Pushes every line written so far to the build log. On an agent the listener is rebuilt by workflow-api's
     * {@code BufferedBuildListener.Replacement.readResolve} as a {@code PrintStream} without autoflush over a
     * {@code DelayBufferedOutputStream} (jenkinsci/workflow-api-plugin, {@code src/main/java/org/jenkinsci/plugins/
     * workflow/log/}: a 64 KiB buffer written out by a timer, first after 1 s, backing off to 10 s) over remoting's
     * {@code RemoteOutputStream}; lines still in that buffer when the agent call returns arrive late, after the
     * step's own result, or never. What is flushed inside the call is safe: remoting's {@code ProxyOutputStream}
     * (jenkinsci/remoting, {@code src/main/java/hudson/remoting/ProxyOutputStream.java}) tags each chunk with the
     * current request, and the call's result is handed back only after that request's I/O ({@code PipeWriter}).
     */
    public void flush() {
        listener.getLogger().flush();
    }

    @Override
    public void line(String line) {
        // Mask before splitting: the core may hand over several lines at once.
        String masked = masker.mask(line == null ? "" : line);
        PrintStream out = listener.getLogger();
        for (String part : masked.split("\\R", -1)) {
            out.println(prefix + part);
        }
    }
}
