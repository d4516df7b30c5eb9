package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable {
    /** Does nothing: the glue test harness subclasses it for the step's node. */
    protected FlowNode(FlowExecution exec, String id, List<FlowNode> parents) {
    }

    protected abstract String getTypeDisplayName();
}
