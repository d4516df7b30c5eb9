package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;

/**
 * One entry of a service's {@code volumes:}, from the short ({@code data:/var/lib/data:ro}) or the long syntax
 * (compose-spec {@code 05-services.md}, "volumes").
 *
 * <p>Usage: {@code mount.type() == Mount.Type.BIND ? mount.source() : project.volumes().get(mount.source()).name()}
 *
 * @param type     {@link Type#VOLUME} or {@link Type#BIND}
 * @param source   a bind's absolute host path (relative paths are resolved against the compose file's folder); a
 *                 named volume's key under the top-level {@code volumes:}; null for an anonymous volume
 * @param target   the absolute path inside the container
 * @param readOnly mounted read-only ({@code :ro}, {@code read_only: true})
 */
public record Mount(Type type, String source, String target, boolean readOnly) implements Serializable {

    /** The two mount types supported; {@code tmpfs}, {@code npipe}, {@code cluster} and {@code image} are refused. */
    public enum Type {
        /** A named (or anonymous) volume managed by the engine. */
        VOLUME,
        /** A host path. */
        BIND
    }

    /**
     * The mount as {@code docker run -v} takes it ({@code /host:/ctr:ro}), with a named volume's engine name given by
     * the caller ({@link ComposeProject#volumeName(String)}).
     */
    public String asBind(String volumeName) {
        String from = type == Type.BIND ? source : volumeName;
        return (from == null ? "" : from + ":") + target + (readOnly ? ":ro" : "");
    }
}
