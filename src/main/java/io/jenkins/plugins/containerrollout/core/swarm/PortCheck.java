package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.Ports;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.time.Duration;

/** Whether the loopback ports an application's new tasks take are free, where this process can tell. */
final class PortCheck {
    private PortCheck() {
    }

    /**
     * On a one-node swarm reached over its local socket the tasks bind this machine's loopback: the ports new tasks
     * take (slots above {@code fromSlot} of {@code bank}) must be free, or they would fail and be retried forever. On a
     * bigger swarm the ports are on other machines and only the tasks' health tells.
     */
    static void requireFree(DockerHost host, JsonNode swarmInfo, String app, int portBase, int bank, int fromSlot,
            int replicas) {
        if (!host.uri().startsWith("unix://") || swarmInfo.path("Nodes").asInt() != 1) {
            return;
        }
        for (int slot = fromSlot + 1; slot <= replicas; slot++) {
            int port = ServiceSpecs.port(portBase, bank, slot);
            if (!freeWithin(port, Duration.ofSeconds(3))) {
                throw new RequestException("portBase: port " + port + " (slot " + slot + ", bank " + bank
                        + ") is already in use; app '" + app + "' needs ports " + portBase + " to "
                        + ServiceSpecs.lastPort(portBase, replicas) + " (two per task): pick another portBase or free it");
            }
        }
    }

    /** A task that exited a moment ago may still be releasing its port: a few seconds' grace before refusing. */
    private static boolean freeWithin(int port, Duration grace) {
        long end = System.nanoTime() + grace.toNanos();
        while (!Ports.free(port)) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
