package io.jenkins.plugins.containerrollout.core.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns a Compose file into a {@link ComposeProject}: parses it (SnakeYAML Engine, YAML 1.2 core schema, duplicate
 * keys refused, YAML merge keys {@code <<} applied as Compose fragments use them), interpolates every value from the
 * caller's environment and the {@code .env} file beside the compose file (the environment wins), refuses every key it
 * does not support, applies the caller's images, checks app names and sorts the services by {@code depends_on}.
 * Nothing is deployed and no engine is asked.
 *
 * <p>Usage: {@code ComposeProject p = ComposeLoader.load(Path.of("deploy/compose.yaml"), "shop", Map.of("web", ref), System.getenv())}
 */
public final class ComposeLoader {
    private static final Set<String> TOP_KEYS = Set.of("services", "volumes", "networks", "name", "version");
    private static final Set<String> RESOURCE_KEYS = Set.of("driver", "driver_opts", "external", "name", "labels");
    /** The Compose specification's rule for project names ({@code 04-version-and-name.md}). */
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ComposeLoader() {
    }

    /**
     * Reads {@code file} and the {@code .env} beside it.
     *
     * @param project     the project name; null or blank takes the file's {@code name:}
     * @param images      images by service, overriding the file's {@code image:} (e.g. the image just built)
     * @param environment variables for interpolation; they win over {@code .env}
     * @throws ComposeException naming the file, the key and the fix
     */
    public static ComposeProject load(Path file, String project, Map<String, String> images, Map<String, String> environment) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ComposeException("compose:", "'" + file + "' cannot be read (" + e.getMessage() + "); give the "
                    + "path of a compose file, relative to the workspace");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(yaml, file.toString(), dir, project, images, environment);
    }

    /** As {@link #load}, for a file's text; {@code dir} is where {@code .env}, env files and relative binds are. */
    public static ComposeProject parse(String yaml, String fileName, Path dir, String project, Map<String, String> images,
            Map<String, String> environment) {
        try {
            return read(yaml, fileName, dir, project, images == null ? Map.of() : images,
                    environment == null ? Map.of() : environment);
        } catch (ComposeException e) {
            int line = e.where().isEmpty() ? 0 : YamlLines.of(yaml, settings(fileName)).lineOf(e.where());
            throw e.inFile(line > 0 ? fileName + ":" + line : fileName);
        }
    }

    private static ComposeProject read(String yaml, String fileName, Path dir, String projectArg, Map<String, String> images,
            Map<String, String> environment) {
        Map<String, String> vars = new HashMap<>(dotEnv(dir, environment::get));
        vars.putAll(environment);
        Interpolator interpolator = new Interpolator(vars::get);
        Map<String, Object> top = Values.map(normalize(parseYaml(yaml, fileName), "", interpolator), "the file");
        List<String> warnings = new ArrayList<>();
        for (String key : top.keySet()) {
            if (!TOP_KEYS.contains(key) && !key.startsWith("x-")) {
                throw new ComposeException(key, "is not supported by containerDeploy(compose:) / deploy --compose at the "
                        + "top level; remove it (supported: services, volumes, networks, name and x-* extensions)");
            }
        }
        if (top.containsKey("version")) {
            warnings.add("version: is obsolete and ignored, as the Compose specification says; remove it");
        }
        String project = projectName(projectArg, Values.string(top.get("name"), "name"));
        Map<String, NamedResource> volumes = resources(top.get("volumes"), "volumes", project);
        Map<String, NamedResource> networks = resources(top.get("networks"), "networks", project);
        Map<String, Object> defs = Values.map(top.get("services"), "services");
        if (defs.isEmpty()) {
            throw new ComposeException("services", "is missing or empty; a compose file needs at least one service");
        }
        for (String service : images.keySet()) {
            if (!defs.containsKey(service)) {
                throw new ComposeException("images:", "names service '" + service + "', which the file does not have; "
                        + "services are: " + String.join(", ", defs.keySet()));
            }
        }
        ServiceReader.Context ctx = new ServiceReader.Context(project, dir, vars::get, images, volumes.keySet(),
                networks.keySet());
        List<ComposeService> services = new ArrayList<>();
        defs.forEach((name, def) -> services.add(ServiceReader.read(name, def, ctx)));
        warnings.addAll(interpolator.warnings());
        return new ComposeProject(project, DependencyOrder.sort(services), volumes, networks, List.copyOf(warnings));
    }

    private static Object parseYaml(String yaml, String fileName) {
        try {
            return new Load(settings(fileName)).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ComposeException("", "is not valid YAML: " + e.getMessage());
        }
    }

    private static LoadSettings settings(String fileName) {
        // the YAML 1.2 core schema (not the JSON one) resolves merge keys, so fragments work as in Compose
        return LoadSettings.builder().setLabel(fileName).setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(100).build();
    }

    private static Map<String, String> dotEnv(Path dir, Function<String, String> environment) {
        Path file = dir.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return DotEnv.parse(Files.readString(file, StandardCharsets.UTF_8), ".env", environment);
        } catch (IOException e) {
            throw new ComposeException(".env", "cannot be read: " + e.getMessage());
        }
    }

    private static String projectName(String arg, String fromFile) {
        boolean given = arg != null && !arg.isBlank();
        String name = given ? arg.trim() : fromFile;
        if (name == null || name.isBlank()) {
            throw new ComposeException("project:", "required; pass project: 'shop' (CLI: --project shop) or set name: "
                    + "in the compose file");
        }
        if (!PROJECT.matcher(name).matches()) {
            throw new ComposeException(given ? "project:" : "name", "'" + name + "' is not a valid project name; use "
                    + "lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }
        return name;
    }

    private static Map<String, NamedResource> resources(Object v, String at, String project) {
        Map<String, NamedResource> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Values.map(v, at).entrySet()) {
            String where = at + "." + e.getKey();
            Map<String, Object> m = Values.map(e.getValue(), where);
            Values.onlyKeys(m, where, RESOURCE_KEYS);
            boolean external = m.get("external") != null && Values.bool(m.get("external"), where + ".external");
            String name = Values.string(m.get("name"), where + ".name");
            if (name == null) {
                name = external ? e.getKey() : project + "_" + e.getKey();
            }
            out.put(e.getKey(), new NamedResource(e.getKey(), name, Values.string(m.get("driver"), where + ".driver"),
                    external, Map.copyOf(Values.keyValues(m.get("labels"), where + ".labels", k -> "")),
                    Map.copyOf(Values.keyValues(m.get("driver_opts"), where + ".driver_opts", k -> ""))));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The loaded tree with string keys and every string value interpolated; keys are never interpolated (compose-spec
     * {@code 12-interpolation.md}). Merge keys ({@code <<}) were already applied by the core schema.
     */
    private static Object normalize(Object node, String at, Interpolator interpolator) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() == null || e.getKey() instanceof Map || e.getKey() instanceof List) {
                    throw new ComposeException(at, "has a key that is not a plain name: '" + e.getKey() + "'");
                }
                String key = String.valueOf(e.getKey());
                out.put(key, normalize(e.getValue(), at.isEmpty() ? key : at + "." + key, interpolator));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(normalize(list.get(i), at + "[" + i + "]", interpolator));
            }
            return out;
        }
        return node instanceof String s ? interpolator.apply(s, at) : node;
    }
}
