package org.jenkinsci.plugins.workflow.flow;

public abstract class FlowExecution {
    /** Never subclassed by the plugin or its tests; named only by FlowNode's constructor. */
    private FlowExecution() {
    }
}
