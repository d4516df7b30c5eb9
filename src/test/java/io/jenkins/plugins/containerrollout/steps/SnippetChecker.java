package io.jenkins.plugins.containerrollout.steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;

/**
 * Checks one Jenkinsfile snippet: it must parse as Groovy, call only our steps and symbols or standard Pipeline steps
 * and Declarative sections, and every call of ours must bind through {@link StructsBinding}. workflow-cps hands a
 * step's named arguments to structs, and turns a call of a symbol inside them into an {@code UninstantiatedDescribable}
 * (jenkinsci/workflow-cps-plugin, {@code DSL.java}), which is what {@link StructsBinding.SymbolCall} stands for.
 *
 * <p>Usage: {@code List<String> problems = new SnippetChecker(StructsBinding.ours()).check("README.md:41", code);}
 */
final class SnippetChecker {
    /** Pipeline steps, Declarative sections and Groovy built-ins a snippet of ours may call besides our own names. */
    static final Set<String> STANDARD = Set.of("pipeline", "agent", "any", "none", "label", "options", "timeout",
            "disableConcurrentBuilds", "buildDiscarder", "logRotator", "environment", "stages", "stage", "steps",
            "script", "sh", "bat", "echo", "error", "input", "junit", "archiveArtifacts", "stash", "unstash", "post",
            "always", "success", "failure", "unstable", "aborted", "cleanup", "changed", "fixed", "regression", "node",
            "checkout", "dir", "withCredentials", "withEnv", "usernamePassword", "retry", "parallel", "when",
            "branch", "expression", "timestamps", "catchError", "println", "readFile", "writeFile", "fileExists",
            "sleep", "waitUntil", "git", "lock", "milestone", "deleteDir", "parameters", "string", "booleanParam");

    private final StructsBinding binding;

    SnippetChecker(StructsBinding binding) {
        this.binding = binding;
    }

    /** The problems of {@code code}, each prefixed with {@code where}; empty when the snippet is fine. */
    List<String> check(String where, String code) {
        ModuleNode module;
        try {
            CompilationUnit unit = new CompilationUnit();
            SourceUnit source = unit.addSource("snippet.groovy", code);
            unit.compile(Phases.CONVERSION);
            module = source.getAST();
        } catch (CompilationFailedException e) {
            return List.of(where + ": does not parse as Groovy: " + e.getMessage().replace('\n', ' '));
        }
        Set<String> problems = new LinkedHashSet<>();
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis()) {
                    for (String problem : checkCall(call)) {
                        problems.add(where + ": " + problem);
                    }
                }
                super.visitMethodCallExpression(call);
            }
        };
        module.getStatementBlock().visit(visitor);
        for (ClassNode type : module.getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (method.getCode() != null && !method.isScriptBody()) {
                    method.getCode().visit(visitor);
                }
            }
        }
        return new ArrayList<>(problems);
    }

    private List<String> checkCall(MethodCallExpression call) {
        String name = call.getMethodAsString();
        if (name == null || STANDARD.contains(name)) {
            return List.of();
        }
        if (binding.isStep(name)) {
            List<String> problems = new ArrayList<>(binding.bindStep(name, arguments(call)));
            if (imageIsABareDigest(call)) {
                problems.add(name + ": image: a build's digest is a bare sha256:…, which containerDeploy refuses; "
                        + "deploy its imageRef (repository@sha256:…)");
            }
            return problems;
        }
        if (binding.isSymbol(name)) {
            return binding.bindSymbol(new StructsBinding.SymbolCall(name, arguments(call)));
        }
        return List.of("'" + name + "' is neither a step or symbol of this plugin nor a standard Pipeline step");
    }

    /** {@code image: img.digest}: the bare digest a build returns, which names no repository (DeployImage). */
    private static boolean imageIsABareDigest(MethodCallExpression call) {
        Expression args = call.getArguments();
        List<Expression> list = args instanceof TupleExpression tuple ? tuple.getExpressions() : List.of(args);
        return list.stream().filter(MapExpression.class::isInstance)
                .flatMap(m -> ((MapExpression) m).getMapEntryExpressions().stream())
                .anyMatch(e -> e.getKeyExpression().getText().equals("image")
                        && e.getValueExpression() instanceof PropertyExpression p && "digest".equals(p.getPropertyAsString()));
    }

    /** Named arguments as a map; a single unnamed one under structs' anonymous key; closures are not arguments. */
    private Map<String, Object> arguments(MethodCallExpression call) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        Expression args = call.getArguments();
        List<Expression> list = args instanceof TupleExpression tuple ? tuple.getExpressions() : List.of(args);
        List<Expression> positional = new ArrayList<>();
        for (Expression e : list) {
            if (e instanceof MapExpression map) {
                arguments.putAll(map(map));
            } else if (!(e instanceof org.codehaus.groovy.ast.expr.ClosureExpression)) {
                positional.add(e);
            }
        }
        if (positional.size() == 1 && arguments.isEmpty()) {
            arguments.put(StructsBinding.ANONYMOUS, value(positional.get(0)));
        } else if (!positional.isEmpty()) {
            arguments.put("(positional)", StructsBinding.UNKNOWN);
        }
        return arguments;
    }

    private Map<String, Object> map(MapExpression map) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            values.put(entry.getKeyExpression().getText(), value(entry.getValueExpression()));
        }
        return values;
    }

    /** What the expression evaluates to, as far as a type check needs: literals, lists, maps, symbol calls. */
    private Object value(Expression e) {
        if (e instanceof ConstantExpression constant) {
            return constant.getValue();
        }
        if (e instanceof UnaryMinusExpression minus && value(minus.getExpression()) instanceof Number n) {
            return n instanceof Integer i ? (Object) (-i) : new BigDecimal(n.toString()).negate();
        }
        if (e instanceof GStringExpression) {
            return StructsBinding.UNKNOWN; // a String, or a number once structs parses it: known only at run time
        }
        if (e instanceof ListExpression list && !(e instanceof ArgumentListExpression)) {
            List<Object> values = new ArrayList<>();
            list.getExpressions().forEach(item -> values.add(value(item)));
            return values;
        }
        if (e instanceof MapExpression map) {
            return map(map);
        }
        if (e instanceof MethodCallExpression call && call.isImplicitThis() && !STANDARD.contains(call.getMethodAsString())) {
            return new StructsBinding.SymbolCall(call.getMethodAsString(), arguments(call));
        }
        return StructsBinding.UNKNOWN;
    }
}
