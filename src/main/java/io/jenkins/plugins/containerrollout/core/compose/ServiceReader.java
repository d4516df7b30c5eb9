package io.jenkins.plugins.containerrollout.core.compose;

import io.jenkins.plugins.containerrollout.core.deploy.AppName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one service of an interpolated Compose file into a {@link ComposeService}, refusing every key it does not
 * support. Key meanings follow compose-spec/compose-spec {@code 05-services.md} and {@code deploy.md}.
 */
final class ServiceReader {
    private static final Set<String> KEYS = Set.of("image", "command", "entrypoint", "environment", "env_file",
            "healthcheck", "deploy", "restart", "stop_grace_period", "labels", "volumes", "networks", "ports",
            "depends_on");
    /** Unsupported keys with a supported way to the same end. */
    private static final Map<String, String> HINTS = Map.of(
            "build", "build the image first (containerBuild) and pass it with images: [<service>: ...] or --image "
                    + "<service>=IMAGE",
            "container_name", "remove it: the app is named <project>-<service>",
            "scale", "use deploy.replicas",
            "mem_limit", "use deploy.resources.limits.memory",
            "cpus", "use deploy.resources.limits.cpus",
            "expose", "use ports");
    private static final Set<String> HEALTH_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period", "disable");
    private static final Set<String> UPDATE_KEYS = Set.of("parallelism", "order", "delay", "failure_action");
    private static final Set<String> ROLLOUT_KEYS = Set.of("strategy", "maxSurge", "maxUnavailable", "batchDelay",
            "minReadySeconds", "progressDeadlineSeconds");
    private static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");
    private static final Pattern COUNT_OR_PERCENT = Pattern.compile("\\d+%?");

    /** What a service is read against: the project and the file's folder, variables, declared volumes and networks. */
    record Context(String project, Path dir, Function<String, String> vars, Map<String, String> images,
            Set<String> volumes, Set<String> networks) {
    }

    private ServiceReader() {
    }

    static ComposeService read(String name, Object definition, Context ctx) {
        String at = "services." + name;
        Map<String, Object> s = Values.map(definition, at);
        Values.onlyKeys(s, at, KEYS, HINTS);
        String app = ctx.project() + "-" + name;
        try {
            AppName.check(app);
        } catch (IllegalArgumentException e) {
            throw new ComposeException(at, "becomes the app '" + app + "', which is not a valid app name: use "
                    + "lower-case letters, digits, '-' and '_' in the project and service names, at most 63 in all");
        }
        String image = ctx.images().getOrDefault(name, Values.string(s.get("image"), at + ".image"));
        if (image == null || image.isBlank()) {
            throw new ComposeException(at, "has no image; add image: to the service or pass it with images: [" + name
                    + ": ...] (CLI: --image " + name + "=IMAGE)");
        }
        Map<String, Object> deploy = Values.map(s.get("deploy"), at + ".deploy");
        Values.onlyKeys(deploy, at + ".deploy", Set.of("replicas", "resources", "update_config"));
        Map<String, Object> resources = Values.map(deploy.get("resources"), at + ".deploy.resources");
        Values.onlyKeys(resources, at + ".deploy.resources", Set.of("limits"));
        Map<String, Object> limits = Values.map(resources.get("limits"), at + ".deploy.resources.limits");
        Values.onlyKeys(limits, at + ".deploy.resources.limits", Set.of("memory", "cpus"));
        String restart = Values.string(s.get("restart"), at + ".restart");
        if (restart != null && !RESTART.matcher(restart).matches()) {
            throw new ComposeException(at + ".restart", "is '" + restart + "'; use no, always, on-failure[:N] or "
                    + "unless-stopped");
        }
        Map<String, String> environment = new LinkedHashMap<>(envFiles(s.get("env_file"), at + ".env_file", ctx));
        environment.putAll(Values.keyValues(s.get("environment"), at + ".environment", ctx.vars()));
        return new ComposeService(name, app, image.trim(),
                Values.command(s.get("entrypoint"), at + ".entrypoint"),
                Values.command(s.get("command"), at + ".command"),
                Collections.unmodifiableMap(environment),
                s.containsKey("healthcheck") ? healthcheck(s.get("healthcheck"), at + ".healthcheck") : null,
                deploy.get("replicas") == null ? 1 : Values.integer(deploy.get("replicas"), at + ".deploy.replicas", 0),
                limits.get("memory") == null ? 0 : ComposeUnits.bytes(limits.get("memory"), at + ".deploy.resources.limits.memory"),
                limits.get("cpus") == null ? 0 : ComposeUnits.nanoCpus(limits.get("cpus"), at + ".deploy.resources.limits.cpus"),
                deploy.containsKey("update_config") ? update(deploy.get("update_config"), at + ".deploy.update_config")
                        : UpdateConfig.DEFAULTS,
                restart,
                s.containsKey("stop_grace_period") ? stopGrace(s.get("stop_grace_period"), at + ".stop_grace_period") : 10,
                Collections.unmodifiableMap(Values.keyValues(s.get("labels"), at + ".labels", k -> "")),
                mounts(s.get("volumes"), at + ".volumes", ctx),
                networks(s.get("networks"), at + ".networks", ctx.networks()),
                ports(s.get("ports"), at + ".ports"),
                dependencies(s.get("depends_on"), at + ".depends_on"),
                s.containsKey("x-rollout") ? rollout(s.get("x-rollout"), at + ".x-rollout") : null);
    }

    /**
     * {@code stop_grace_period} in whole seconds, rounded up: the engine's stop timeout (a container's StopTimeout, a
     * Swarm task's StopGracePeriod) is what it waits between SIGTERM and SIGKILL, and a grace shorter than asked would
     * kill a process still shutting down.
     */
    private static int stopGrace(Object v, String at) {
        long millis = ComposeUnits.duration(v, at).toMillis();
        if (millis > Integer.MAX_VALUE * 1000L) {
            throw new ComposeException(at, "is too long; give a grace period in seconds or minutes, e.g. 30s");
        }
        return (int) ((millis + 999) / 1000);
    }

    private static Map<String, String> envFiles(Object v, String at, Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Object> files = Values.oneOrMany(v);
        for (int i = 0; i < files.size(); i++) {
            String where = at + (v instanceof List ? "[" + i + "]" : "");
            Object entry = files.get(i);
            boolean required = true;
            String path;
            if (entry instanceof Map) {
                Map<String, Object> m = Values.map(entry, where);
                Values.onlyKeys(m, where, Set.of("path", "required"));
                path = Values.string(m.get("path"), where + ".path");
                required = m.get("required") == null || Values.bool(m.get("required"), where + ".required");
            } else {
                path = Values.string(entry, where);
            }
            if (path == null || path.isBlank()) {
                throw new ComposeException(where, "needs the path of an env file");
            }
            Path file = ctx.dir().resolve(path).normalize();
            if (!Files.isRegularFile(file)) {
                if (required) {
                    throw new ComposeException(where, "names '" + path + "', which does not exist next to the compose "
                            + "file; create it or mark it required: false");
                }
                continue;
            }
            try {
                out.putAll(DotEnv.parse(Files.readString(file, StandardCharsets.UTF_8), where + " (" + path + ")", ctx.vars()));
            } catch (IOException e) {
                throw new ComposeException(where, "names '" + path + "', which cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    private static Healthcheck healthcheck(Object v, String at) {
        Map<String, Object> h = Values.map(v, at);
        Values.onlyKeys(h, at, HEALTH_KEYS);
        boolean disable = h.get("disable") != null && Values.bool(h.get("disable"), at + ".disable");
        List<String> test = null;
        Object t = h.get("test");
        if (t instanceof List) {
            test = Values.command(t, at + ".test");
            if (test.isEmpty() || !Set.of("NONE", "CMD", "CMD-SHELL").contains(test.get(0))) {
                throw new ComposeException(at + ".test", "must start with NONE, CMD or CMD-SHELL, e.g. "
                        + "[\"CMD\", \"wget\", \"-qO-\", \"http://127.0.0.1/health\"]");
            }
        } else if (t != null) {
            test = List.of("CMD-SHELL", Values.string(t, at + ".test"));
        }
        if (disable && test != null) {
            throw new ComposeException(at, "sets both disable and test; keep one");
        }
        boolean none = test != null && test.get(0).equals("NONE");
        return new Healthcheck(test, duration(h.get("interval"), at + ".interval"), duration(h.get("timeout"), at + ".timeout"),
                h.get("retries") == null ? null : Values.integer(h.get("retries"), at + ".retries", 1),
                duration(h.get("start_period"), at + ".start_period"), disable || none);
    }

    private static UpdateConfig update(Object v, String at) {
        Map<String, Object> u = Values.map(v, at);
        Values.onlyKeys(u, at, UPDATE_KEYS);
        UpdateConfig d = UpdateConfig.DEFAULTS;
        return new UpdateConfig(
                u.get("parallelism") == null ? d.parallelism() : Values.integer(u.get("parallelism"), at + ".parallelism", 0),
                choice(u.get("order"), at + ".order", UpdateConfig.Order.values(), d.order()),
                u.get("delay") == null ? d.delay() : ComposeUnits.duration(u.get("delay"), at + ".delay"),
                choice(u.get("failure_action"), at + ".failure_action", UpdateConfig.FailureAction.values(), d.failureAction()));
    }

    private static <E extends Enum<E>> E choice(Object v, String at, E[] options, E fallback) {
        String s = Values.string(v, at);
        if (s == null) {
            return fallback;
        }
        List<String> words = new ArrayList<>();
        for (E e : options) {
            if (UpdateConfig.word(e).equals(s)) {
                return e;
            }
            words.add(UpdateConfig.word(e));
        }
        throw new ComposeException(at, "is '" + s + "'; use " + String.join(" or ", words));
    }

    private static List<Mount> mounts(Object v, String at, Context ctx) {
        List<Mount> out = new ArrayList<>();
        List<Object> items = list(v, at);
        for (int i = 0; i < items.size(); i++) {
            out.add(ShortSyntax.mount(items.get(i), at + "[" + i + "]", ctx.dir(), ctx.vars(), ctx.volumes()));
        }
        return List.copyOf(out);
    }

    private static List<PortMapping> ports(Object v, String at) {
        List<PortMapping> out = new ArrayList<>();
        List<Object> items = list(v, at);
        for (int i = 0; i < items.size(); i++) {
            out.add(ShortSyntax.port(items.get(i), at + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static List<String> networks(Object v, String at, Set<String> declared) {
        List<String> names = new ArrayList<>();
        if (v instanceof Map) {
            for (Map.Entry<String, Object> e : Values.map(v, at).entrySet()) {
                Values.onlyKeys(Values.map(e.getValue(), at + "." + e.getKey()), at + "." + e.getKey(), Set.of());
                names.add(e.getKey());
            }
        } else {
            List<Object> items = list(v, at);
            for (int i = 0; i < items.size(); i++) {
                names.add(Values.string(items.get(i), at + "[" + i + "]"));
            }
        }
        for (String n : names) {
            if (!n.equals("default") && !declared.contains(n)) {
                throw new ComposeException(at, "names network '" + n + "', which the top-level networks: does not "
                        + "declare; add it there (networks: {" + n + ": {}})");
            }
        }
        return List.copyOf(names);
    }

    private static List<Dependency> dependencies(Object v, String at) {
        List<Dependency> out = new ArrayList<>();
        if (v instanceof Map) {
            for (Map.Entry<String, Object> e : Values.map(v, at).entrySet()) {
                String where = at + "." + e.getKey();
                Map<String, Object> d = Values.map(e.getValue(), where);
                Values.onlyKeys(d, where, Set.of("condition"));
                Dependency.Condition c = Dependency.Condition.SERVICE_STARTED;
                String word = Values.string(d.get("condition"), where + ".condition");
                if (word != null) {
                    try {
                        c = Dependency.Condition.valueOf(word.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException x) {
                        throw new ComposeException(where + ".condition", "is '" + word + "'; use service_started, "
                                + "service_healthy or service_completed_successfully");
                    }
                }
                out.add(new Dependency(e.getKey(), c));
            }
        } else {
            List<Object> items = list(v, at);
            for (int i = 0; i < items.size(); i++) {
                out.add(new Dependency(Values.string(items.get(i), at + "[" + i + "]"), Dependency.Condition.SERVICE_STARTED));
            }
        }
        return List.copyOf(out);
    }

    private static RolloutOverride rollout(Object v, String at) {
        Map<String, Object> r = Values.map(v, at);
        Values.onlyKeys(r, at, ROLLOUT_KEYS);
        String strategy = Values.string(r.get("strategy"), at + ".strategy");
        return new RolloutOverride(strategy == null ? null : RolloutOverride.Strategy.parse(strategy, at + ".strategy"),
                countOrPercent(r.get("maxSurge"), at + ".maxSurge"), countOrPercent(r.get("maxUnavailable"), at + ".maxUnavailable"),
                duration(r.get("batchDelay"), at + ".batchDelay"),
                r.get("minReadySeconds") == null ? null : Values.integer(r.get("minReadySeconds"), at + ".minReadySeconds", 0),
                r.get("progressDeadlineSeconds") == null ? null
                        : Values.integer(r.get("progressDeadlineSeconds"), at + ".progressDeadlineSeconds", 1));
    }

    private static String countOrPercent(Object v, String at) {
        String s = Values.string(v, at);
        if (s != null && !COUNT_OR_PERCENT.matcher(s.trim()).matches()) {
            throw new ComposeException(at, "is '" + s + "'; write a count (1) or a percentage (\"25%\")");
        }
        return s == null ? null : s.trim();
    }

    private static java.time.Duration duration(Object v, String at) {
        return v == null ? null : ComposeUnits.duration(v, at);
    }

    private static List<Object> list(Object v, String at) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new ComposeException(at, "must be a list (- item lines)");
        }
        return new ArrayList<>(l);
    }
}
