package io.jenkins.plugins.containerrollout.steps;

import java.beans.Introspector;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.codehaus.groovy.reflection.ReflectionCache;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds Pipeline arguments to our describables by the rules structs applies in a real Jenkins, without Jenkins, so a
 * test can tell whether a script line would bind. The rules are read from jenkinsci/structs-plugin,
 * {@code src/main/java/org/jenkinsci/plugins/structs/describable/DescribableModel.java}:
 * <ul>
 *   <li>the parameters are the {@code @DataBoundConstructor}'s (by name) and every {@code @DataBoundSetter} method
 *       ({@code setX} gives {@code x}) or field of the class and its superclasses (the constructor);</li>
 *   <li>a value is first passed through Groovy's {@code ReflectionCache.getCachedClass(type).coerceArgument} (a
 *       number is widened to {@code double}, but never turned into a {@code String}), then a list binds to a
 *       collection item by item, a value that is already an instance binds as is, a symbol call binds to the class
 *       whose descriptor carries that {@code @Symbol} and is a subtype of the declared type ({@code resolveClass}),
 *       a map binds to a concrete declared type, a string binds to an enum, URL, char, number or boolean, and
 *       anything else fails with "expects ... but received ..." ({@code coerce});</li>
 *   <li>a single unnamed argument goes to the sole required parameter ({@code ANONYMOUS_KEY}).</li>
 * </ul>
 * Declarative's check of a step written directly in {@code steps { }} is applied too
 * (jenkinsci/pipeline-model-definition-plugin, {@code ModelValidatorImpl.validateParameterType}): it refuses an
 * integer or boolean literal for a {@code String} parameter (as structs does) and a string literal for an {@code int}
 * one (which structs would parse).
 * One rule is stricter here on purpose: structs only prints "Unknown parameter(s) found" to the console and ignores
 * the argument (unless strict checking is switched on), so a misspelt parameter silently does nothing; here it is a
 * problem.
 *
 * <p>Usage: {@code List<String> p = StructsBinding.ours().bindStep("containerDeploy", Map.of("app", "web"));}
 */
final class StructsBinding {
    /** A value the snippet computes at run time (a variable, {@code env.X}): its type is not checked. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "(computed)";
        }
    };

    /** A call of a symbol in a script, {@code rolling(maxSurge: 1)}: structs' {@code UninstantiatedDescribable}. */
    record SymbolCall(String symbol, Map<String, Object> arguments) {
    }

    /** The key structs uses for a single unnamed argument. */
    static final String ANONYMOUS = "<anonymous>";

    private final Map<String, Class<?>> steps;
    private final Map<String, List<Class<?>>> symbols;

    private StructsBinding(Map<String, Class<?>> steps, Map<String, List<Class<?>>> symbols) {
        this.steps = steps;
        this.symbols = symbols;
    }

    /** Our steps (by function name) and describables (by symbol), read from the compiled classes' annotations. */
    static StructsBinding ours() throws IOException {
        Path dir = Path.of(System.getProperty("project.basedir", "."), "target", "classes",
                "io", "jenkins", "plugins", "containerrollout", "steps");
        Map<String, Class<?>> steps = new TreeMap<>();
        Map<String, List<Class<?>>> symbols = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || !name.contains("$")) {
                    continue;
                }
                Class<?> nested = load("io.jenkins.plugins.containerrollout.steps." + name.replace(".class", ""));
                Symbol symbol = nested.getAnnotation(Symbol.class);
                if (symbol == null || nested.getEnclosingClass() == null) {
                    continue;
                }
                Class<?> describable = nested.getEnclosingClass();
                for (String s : symbol.value()) {
                    symbols.computeIfAbsent(s, k -> new ArrayList<>()).add(describable);
                    if (hasFunctionName(describable, s)) {
                        steps.put(s, describable);
                    }
                }
            }
        }
        return new StructsBinding(steps, symbols);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StructsBinding.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasFunctionName(Class<?> c, String name) {
        try {
            return name.equals(c.getField("FUNCTION_NAME").get(null));
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Every step function name and symbol of ours. */
    java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>(symbols.keySet());
        names.addAll(steps.keySet());
        return names;
    }

    boolean isStep(String name) {
        return steps.containsKey(name);
    }

    boolean isSymbol(String name) {
        return symbols.containsKey(name);
    }

    /** The problems binding {@code arguments} to the step {@code function} would meet; empty when it binds. */
    List<String> bindStep(String function, Map<String, Object> arguments) {
        List<String> problems = new ArrayList<>();
        bind(steps.get(function), function, arguments, problems);
        return problems;
    }

    /** The problems binding a symbol call met outside any argument (a fragment such as {@code rolling(...)}). */
    List<String> bindSymbol(SymbolCall call) {
        List<String> problems = new ArrayList<>();
        bind(symbols.get(call.symbol()).get(0), call.symbol(), call.arguments(), problems);
        return problems;
    }

    /** The parameter names and declared types of {@code type}, required (constructor) ones first, as structs orders them. */
    static Map<String, Type> parameters(Class<?> type) {
        Map<String, Type> parameters = new LinkedHashMap<>();
        Constructor<?> constructor = Stream.of(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElse(null);
        if (constructor == null && !Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalStateException(type + " has no @DataBoundConstructor");
        }
        for (java.lang.reflect.Parameter p : constructor == null ? new java.lang.reflect.Parameter[0]
                : constructor.getParameters()) {
            if (!p.isNamePresent()) {
                throw new IllegalStateException(type + ": compile with -parameters, structs needs the names");
            }
            parameters.put(p.getName(), p.getParameterizedType());
        }
        Map<String, Type> rest = new TreeMap<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(DataBoundSetter.class)) {
                    rest.put(f.getName(), f.getGenericType());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class)) {
                    rest.put(Introspector.decapitalize(m.getName().substring(3)), m.getGenericParameterTypes()[0]);
                }
            }
        }
        parameters.putAll(rest);
        return parameters;
    }

    private static int required(Class<?> type) {
        return Stream.of(type.getConstructors()).filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst().orElseThrow().getParameterCount();
    }

    private void bind(Class<?> type, String name, Map<String, Object> arguments, List<String> problems) {
        Map<String, Type> parameters = parameters(type);
        Map<String, Object> named = arguments;
        if (arguments.containsKey(ANONYMOUS)) {
            if (arguments.size() != 1 || required(type) != 1) {
                problems.add(name + ": arguments have to be named");
                return;
            }
            named = Map.of(parameters.keySet().iterator().next(), arguments.get(ANONYMOUS));
        }
        for (Map.Entry<String, Object> argument : named.entrySet()) {
            Type declared = parameters.get(argument.getKey());
            if (declared == null) {
                problems.add(name + ": unknown parameter '" + argument.getKey() + "' (structs would ignore it); known: "
                        + String.join(", ", parameters.keySet()));
            } else {
                coerce(name + "." + argument.getKey(), declared, argument.getValue(), problems);
            }
        }
    }

    /** DescribableModel.coerce, branch by branch, in its order. */
    private void coerce(String context, Type type, Object value, List<String> problems) {
        if (value == UNKNOWN) {
            return;
        }
        Class<?> erased = erasure(type);
        Object o = type instanceof Class && !(value instanceof SymbolCall) && value != null
                ? ReflectionCache.getCachedClass(erased).coerceArgument(value) : value;
        if (o instanceof List<?> list && Collection.class.isAssignableFrom(erased)) {
            Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            list.forEach(element -> coerce(context, item, element, problems));
        } else if (o == null || MethodType.methodType(erased).wrap().returnType().isInstance(o)) {
            return;
        } else if (o instanceof SymbolCall call) {
            Class<?> resolved = symbols.getOrDefault(call.symbol(), List.of()).stream()
                    .filter(erased::isAssignableFrom).findFirst().orElse(null);
            if (resolved == null) {
                problems.add(context + ": no known implementation of " + erased.getSimpleName() + " is using symbol '"
                        + call.symbol() + "'");
            } else {
                bind(resolved, call.symbol(), call.arguments(), problems);
            }
        } else if (o instanceof Map<?, ?> map) {
            if (Modifier.isAbstract(erased.getModifiers())) {
                problems.add(context + ": a map cannot say which " + erased.getSimpleName() + " it is; use its symbol");
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> arguments = (Map<String, Object>) map;
                bind(erased, erased.getSimpleName(), arguments, problems);
            }
        } else if (o instanceof String s && erased == int.class) {
            // structs would parse it, but Declarative refuses it in a steps block before the build runs
            // (jenkinsci/pipeline-model-definition-plugin, ModelValidatorImpl.validateParameterType)
            problems.add(context + " expects int; Declarative refuses the string \"" + s + "\": write the number");
        } else if (o instanceof String s && !fromString(erased, s)) {
            problems.add(context + " expects " + type.getTypeName() + " but was unable to coerce \"" + s + "\"");
        } else if (o instanceof List<?> list && erased.isArray()) {
            list.forEach(element -> coerce(context, erased.getComponentType(), element, problems));
        } else if (!(o instanceof String)) {
            problems.add(context + " expects " + type.getTypeName() + " but received " + o.getClass().getName());
        }
    }

    /** The string branches of coerce: enum, URL, char, number, boolean. */
    private static boolean fromString(Class<?> erased, String s) {
        Class<?> wrapped = MethodType.methodType(erased).wrap().returnType();
        try {
            if (erased.isEnum() || erased == URL.class || wrapped == Boolean.class) {
                return true;
            } else if (wrapped == Character.class) {
                return s.length() == 1;
            } else if (wrapped == Integer.class) {
                Integer.valueOf(s);
            } else if (wrapped == Long.class) {
                Long.valueOf(s);
            } else if (wrapped == Double.class || wrapped == Float.class) {
                Double.valueOf(s);
            } else {
                return Number.class.isAssignableFrom(wrapped);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
