package io.jenkins.plugins.containerrollout.core.deploy.docker;

/** One replica container as its labels and state describe it. */
record ReplicaRef(String id, String name, int revision, int slot, int port, boolean running, String specHash) {
    String key() {
        return "r" + revision + ".s" + slot;
    }
}
