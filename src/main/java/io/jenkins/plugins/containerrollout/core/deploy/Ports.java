package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a loopback port is free: the replica would bind it, so we try binding it ourselves first. With
 * {@code SO_REUSEADDR}, as servers bind: connections of a stopped replica lingering in TIME_WAIT do not make its port
 * look taken, only a listener does. The one check both targets use (a one-node swarm's tasks bind this machine's
 * loopback too).
 *
 * <p>Usage: {@code if (!Ports.free(8080)) { ... }}
 */
public final class Ports {
    private Ports() {
    }

    /** Whether a replica could bind {@code 127.0.0.1:port} now. */
    public static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
