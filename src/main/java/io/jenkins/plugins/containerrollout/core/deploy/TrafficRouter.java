package io.jenkins.plugins.containerrollout.core.deploy;

import java.io.IOException;
import java.util.List;

/**
 * The router in front of an application's replicas: which loopback ports receive its traffic. The deployer tells it
 * the serving set whenever that changes; blue-green switches the whole set in one call.
 *
 * <p>Usage: {@code new DockerDeployer(host, new HaproxyRouter(Path.of("/run/haproxy/admin.sock")))}
 */
public interface TrafficRouter {
    /** No router: replicas are reached on their own ports (rolling and recreate need nothing more). */
    TrafficRouter NONE = new TrafficRouter() {
        @Override
        public void route(String app, List<Integer> ports) {
        }

        @Override
        public List<Integer> routed(String app) {
            return List.of();
        }
    };

    /** Sends {@code app}'s traffic to exactly {@code ports} (127.0.0.1), in one step as far as clients can tell. */
    void route(String app, List<Integer> ports) throws IOException;

    /** The ports {@code app}'s traffic goes to now, ascending. */
    List<Integer> routed(String app) throws IOException;
}
