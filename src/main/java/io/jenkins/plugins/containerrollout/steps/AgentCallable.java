package io.jenkins.plugins.containerrollout.steps;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import jenkins.MasterToSlaveFileCallable;

/**
 * Carries an {@link AgentTask} to the agent ({@code workspace.act(...)}) and its result back. A checked failure of
 * the core (such as {@code BuildException}) cannot cross {@code invoke}'s signature, so it travels wrapped in an
 * {@link AgentTaskFailure} that {@link StepRun#onAgent} unwraps again.
 *
 * <p>Usage: {@code R result = workspace.act(new AgentCallable<>(task, console));}
 *
 * @param <R> the task's result
 */
public final class AgentCallable<R extends Serializable> extends MasterToSlaveFileCallable<R> {
    private static final long serialVersionUID = 1L;

    private final AgentTask<R> task;
    private final ConsoleSink console;

    /** @param console the build console, rebuilt on the agent (see {@link ConsoleSink#flush()}) */
    public AgentCallable(AgentTask<R> task, ConsoleSink console) {
        this.task = task;
        this.console = console;
    }

    /** The task this carries. */
    AgentTask<R> task() {
        return task;
    }

    @Override
    public R invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return task.run(workspace, console);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AgentTaskFailure(e);
        } finally {
            // every line in the log, in order, before the step goes on (the agent-side stream buffers)
            console.flush();
        }
    }

    /**
     * A checked core failure on its way back from the agent.
     *
     * <p>Usage: {@code catch (AgentTaskFailure f) { throw (Exception) f.getCause(); }}
     */
    public static final class AgentTaskFailure extends IOException {
        private static final long serialVersionUID = 1L;

        AgentTaskFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
