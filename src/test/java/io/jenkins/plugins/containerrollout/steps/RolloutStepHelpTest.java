package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every parameter of the deploy, verify and rollback steps and of their nested describables has its help file (on
 * the class or, as Jenkins looks them up, a superclass), every class its {@code help.html} and {@code config.jelly},
 * and every setter the one-argument shape the structs plugin binds.
 */
public class RolloutStepHelpTest {
    private static final List<Class<?>> DESCRIBED = List.of(ContainerDeployStep.class, ContainerVerifyStep.class,
            ContainerRollbackStep.class, ContainerPromoteStep.class, RollingStrategy.class, RecreateStrategy.class, BlueGreenStrategy.class,
            CanaryStrategy.class, CanaryWeightStep.class, HaproxyRouting.class, DirectRouting.class, DockerTarget.class,
            SwarmTarget.class, HttpVerifyCheck.class, SuccessRateVerifyCheck.class, HealthVerifyCheck.class, ExecVerifyCheck.class, SmokeTestVerifyCheck.class,
            RouterAnalysisSource.class, SyntheticAnalysisSource.class, PrometheusAnalysisSource.class);

    private static List<String> parameters(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    names.add(p.getName());
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    private static boolean hasView(Class<?> type, String file) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getResource(c.getSimpleName() + "/" + file) != null) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void everyParameterHasItsHelpFile() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : DESCRIBED) {
            for (String parameter : parameters(type)) {
                if (!hasView(type, "help-" + parameter + ".html")) {
                    missing.add(type.getSimpleName() + "/help-" + parameter + ".html");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    public void everyStepAndDescribableHasAFormAndAHelpPage() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : DESCRIBED) {
            for (String view : List.of("config.jelly", "help.html")) {
                if (!hasView(type, view)) {
                    missing.add(type.getSimpleName() + "/" + view);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    public void everySetterTakesOneArgumentAndHasAGetter() throws Exception {
        for (Class<?> type : DESCRIBED) {
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class)) {
                    assertEquals(m.toString(), 1, m.getParameterCount());
                    String property = m.getName().substring(3);
                    Method getter = m.getParameterTypes()[0] == boolean.class
                            ? type.getMethod("is" + property) : type.getMethod("get" + property);
                    assertNotNull(getter);
                }
            }
        }
    }
}
