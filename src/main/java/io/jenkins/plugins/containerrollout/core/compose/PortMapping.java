package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;

/**
 * One entry of a service's {@code ports:}, from the short ({@code 127.0.0.1:8080:80/tcp}) or the long syntax
 * (compose-spec {@code 05-services.md}, "ports").
 *
 * <p>Usage: {@code int base = port.published() != null ? port.published() : Ports.free(...)}
 *
 * @param hostIp    the host address to publish on, or null for the engine's default
 * @param published the host port, or null for "any free port"
 * @param target    the container port
 * @param protocol  {@code tcp} or {@code udp}
 * @param mode      {@code ingress} (the default) or {@code host}; only Swarm tells them apart
 */
public record PortMapping(String hostIp, Integer published, int target, String protocol, String mode)
        implements Serializable {
}
