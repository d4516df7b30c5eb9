package io.jenkins.plugins.containerrollout.core.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The two services' keys that have a short and a long syntax and a meaning beyond their text: {@code ports} and
 * {@code volumes} (compose-spec {@code 05-services.md}, "ports" and "volumes"). Ranges of ports ({@code 8000-8010})
 * and mount types other than {@code volume} and {@code bind} are refused with the fix.
 */
final class ShortSyntax {
    private static final Set<String> PORT_KEYS = Set.of("target", "published", "host_ip", "protocol", "mode");
    private static final Set<String> MOUNT_KEYS = Set.of("type", "source", "target", "read_only");

    private ShortSyntax() {
    }

    /** One {@code ports:} entry: {@code 80}, {@code "8080:80"}, {@code "127.0.0.1:8080:80/udp"}, {@code "[::1]::80"} or a mapping. */
    static PortMapping port(Object entry, String where) {
        if (entry instanceof Map) {
            Map<String, Object> m = Values.map(entry, where);
            Values.onlyKeys(m, where, PORT_KEYS);
            if (m.get("target") == null) {
                throw new ComposeException(where + ".target", "is required: the port the container listens on");
            }
            String published = Values.string(m.get("published"), where + ".published");
            return new PortMapping(blankToNull(Values.string(m.get("host_ip"), where + ".host_ip")),
                    published == null || published.isEmpty() ? null : portNumber(published, where + ".published"),
                    portNumber(Values.string(m.get("target"), where + ".target"), where + ".target"),
                    protocol(Values.string(m.get("protocol"), where + ".protocol"), where + ".protocol"),
                    mode(Values.string(m.get("mode"), where + ".mode"), where + ".mode"));
        }
        String s = Values.string(entry, where).trim();
        String protocol = "tcp";
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = protocol(s.substring(slash + 1), where);
            s = s.substring(0, slash);
        }
        String hostIp = null;
        if (s.startsWith("[")) {
            int close = s.indexOf("]:");
            if (close < 0) {
                throw new ComposeException(where, "'" + entry + "' is not a port mapping; write [IPv6]:HOST:CONTAINER");
            }
            hostIp = s.substring(1, close);
            s = s.substring(close + 2);
        }
        String[] parts = s.split(":", -1);
        if (parts.length > 3 || (hostIp != null && parts.length != 2)) {
            throw new ComposeException(where, "'" + entry + "' is not a port mapping; write [[IP:]HOST:]CONTAINER[/PROTOCOL]");
        }
        if (parts.length == 3) {
            hostIp = blankToNull(parts[0]);
        }
        String published = parts.length == 1 ? "" : parts[parts.length - 2];
        return new PortMapping(hostIp, published.isEmpty() ? null : portNumber(published, where),
                portNumber(parts[parts.length - 1], where), protocol, "ingress");
    }

    /**
     * One {@code volumes:} entry: {@code /ctr} (anonymous), {@code name:/ctr[:ro]}, {@code ./host:/ctr[:ro]} or a
     * mapping; a relative bind source is resolved against {@code dir}, {@code ~} against {@code HOME}.
     */
    static Mount mount(Object entry, String where, Path dir, Function<String, String> vars, Set<String> volumes) {
        Mount.Type type;
        String source;
        String target;
        boolean readOnly;
        if (entry instanceof Map) {
            Map<String, Object> m = Values.map(entry, where);
            Values.onlyKeys(m, where, MOUNT_KEYS);
            String t = Values.string(m.get("type"), where + ".type");
            if (!"volume".equals(t) && !"bind".equals(t)) {
                throw new ComposeException(where + ".type", "is '" + t + "'; only volume and bind mounts are supported");
            }
            type = "bind".equals(t) ? Mount.Type.BIND : Mount.Type.VOLUME;
            source = blankToNull(Values.string(m.get("source"), where + ".source"));
            target = Values.string(m.get("target"), where + ".target");
            readOnly = m.get("read_only") != null && Values.bool(m.get("read_only"), where + ".read_only");
            if (type == Mount.Type.BIND && source == null) {
                throw new ComposeException(where + ".source", "is required for a bind mount: the host path");
            }
        } else {
            String[] parts = Values.string(entry, where).split(":", -1);
            if (parts.length > 3) {
                throw new ComposeException(where, "'" + entry + "' is not a volume; write [SOURCE:]TARGET[:ro|rw]");
            }
            target = parts.length == 1 ? parts[0] : parts[1];
            source = parts.length == 1 ? null : parts[0];
            type = source != null && (source.startsWith("/") || source.startsWith(".") || source.startsWith("~"))
                    ? Mount.Type.BIND : Mount.Type.VOLUME;
            readOnly = parts.length == 3 && readOnlyMode(parts[2], where);
        }
        if (target == null || !target.startsWith("/")) {
            throw new ComposeException(where, "needs an absolute container path as its target, not '" + target + "'");
        }
        if (type == Mount.Type.BIND) {
            source = hostPath(source, dir, vars, where);
        } else if (source != null && !volumes.contains(source)) {
            throw new ComposeException(where, "refers to volume '" + source + "', which the top-level volumes: does "
                    + "not declare; add it there (volumes: {" + source + ": {}}) or write a host path (./" + source + ")");
        }
        return new Mount(type, source, target, readOnly);
    }

    private static String hostPath(String source, Path dir, Function<String, String> vars, String where) {
        if (source.equals("~") || source.startsWith("~/")) {
            String home = vars.apply("HOME");
            if (home == null || home.isEmpty()) {
                throw new ComposeException(where, "starts with '~' but HOME is not set; write an absolute path");
            }
            return Path.of(home).resolve(source.substring(Math.min(2, source.length()))).normalize().toString();
        }
        return dir.resolve(source).toAbsolutePath().normalize().toString();
    }

    private static boolean readOnlyMode(String mode, String where) {
        return switch (mode) {
            case "ro" -> true;
            case "rw" -> false;
            default -> throw new ComposeException(where, "has mode '" + mode + "'; only ro and rw are supported "
                    + "(SELinux labels z/Z and consistency options are not)");
        };
    }

    private static int portNumber(String s, String where) {
        if (s.contains("-")) {
            throw new ComposeException(where, "has a port range '" + s + "'; ranges are not supported, list each port");
        }
        try {
            int port = Integer.parseInt(s.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ComposeException(where, "has '" + s + "', which is not a port number (1-65535)");
    }

    private static String protocol(String p, String where) {
        return oneOf(p, where, "protocol", "tcp", "udp");
    }

    private static String mode(String m, String where) {
        return oneOf(m, where, "mode", "ingress", "host");
    }

    /** {@code value} when it is one of {@code options}; null means the first option. */
    private static String oneOf(String value, String where, String what, String... options) {
        if (value == null) {
            return options[0];
        }
        if (!java.util.List.of(options).contains(value)) {
            throw new ComposeException(where, "has " + what + " '" + value + "'; use " + String.join(" or ", options));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
