package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Job;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The model's Jelly views, read as text (Jelly cannot run here): escaped by default, no script, no event handler
 * attribute, raw output only for the SVG charts our own renderer escapes, and every property a view reads exists on
 * the object that Jenkins binds to that variable in that view (an unknown property is silently null or false in
 * Jelly, so a view reading the wrong object renders nothing and logs nothing).
 */
public class ViewsTest {
    private static final Path VIEWS = Path.of(System.getProperty("project.basedir", "."),
            "src/main/resources/io/jenkins/plugins/containerrollout/model");
    /**
     * What each view's variables are in a real Jenkins. {@code floatingBox.jelly} is included by core's
     * {@code lib/hudson/project/projectActionFloatingBox.jelly} with {@code from="${a}"} and a
     * {@code <j:set var="action">}: {@code it} stays the Job there (core 2.528.3, used by
     * {@code hudson/model/AbstractProject/main.jelly} and workflow-job's {@code WorkflowJob/main.jelly}). The job page
     * includes {@code jobMain.jelly} with {@code it="${a}"}, and Stapler renders a build action's {@code index.jelly}
     * and {@code summary.jelly} with {@code it} the action.
     */
    private static final Map<String, Map<String, Class<?>>> BINDINGS = Map.of(
            "JobRolloutAction/floatingBox.jelly", Map.of("it", Job.class, "action", JobRolloutAction.class),
            "JobRolloutAction/jobMain.jelly", Map.of("it", JobRolloutAction.class),
            "RolloutAction/index.jelly", Map.of("it", RolloutAction.class),
            "RolloutAction/summary.jelly", Map.of("it", RolloutAction.class));
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.'])(\\w+)\\.(\\w+)");
    private static final Pattern FOR_EACH = Pattern.compile(
            "<j:forEach var=\"(\\w+)\" items=\"\\$\\{(\\w+)\\.(\\w+)}\"");
    private static final Pattern RAW = Pattern.compile("<j:out value=\"\\$\\{(?:it|action)\\.(\\w+)\\}\"/>");

    private static List<Path> views() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    @Test
    public void everyViewIsThere() throws IOException {
        assertEquals(List.of("JobRolloutAction/floatingBox.jelly", "JobRolloutAction/jobMain.jelly",
                "RolloutAction/index.jelly", "RolloutAction/summary.jelly"),
                views().stream().map(p -> VIEWS.relativize(p).toString().replace('\\', '/')).toList());
    }

    @Test
    public void everyViewEscapesByDefaultAndRunsNoScript() throws IOException {
        for (Path view : views()) {
            String text = Files.readString(view);
            assertTrue(view + ": escape-by-default", text.startsWith("<?jelly escape-by-default='true'?>"));
            assertTrue(view + ": no script", !text.toLowerCase().contains("<script"));
            assertTrue(view + ": no event handler", !Pattern.compile("\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find());
        }
    }

    @Test
    public void rawOutputIsOnlyTheTrendCharts() throws IOException {
        List<String> raw = new ArrayList<>();
        for (Path view : views()) {
            String text = Files.readString(view);
            Matcher m = RAW.matcher(text);
            while (m.find()) {
                raw.add(m.group(1));
            }
            assertEquals(view + ": every j:out is one of ours", countOf(text, "<j:out"),
                    countOf(text, "<j:out value=\"${it.") + countOf(text, "<j:out value=\"${action."));
        }
        assertEquals(List.of("durationChart", "outcomeChart", "testChart"), raw);
    }

    @Test
    public void everyPropertyAViewReadsExistsOnWhatTheViewIsBoundTo() throws IOException {
        assertEquals(BINDINGS.keySet(), Set.copyOf(views().stream()
                .map(p -> VIEWS.relativize(p).toString().replace('\\', '/')).toList()));
        List<String> unknown = new ArrayList<>();
        for (Path view : views()) {
            String name = VIEWS.relativize(view).toString().replace('\\', '/');
            String text = Files.readString(view);
            Map<String, Class<?>> vars = new HashMap<>(BINDINGS.get(name));
            Matcher loop = FOR_EACH.matcher(text);
            while (loop.find()) {
                vars.put(loop.group(1), elementType(vars.get(loop.group(2)), loop.group(3)));
            }
            Matcher expr = EXPRESSION.matcher(text);
            while (expr.find()) {
                Matcher prop = PROPERTY.matcher(expr.group(1));
                while (prop.find()) {
                    Class<?> type = vars.get(prop.group(1));
                    if (type != null && getter(type, prop.group(2)) == null) {
                        unknown.add(name + ": ${" + expr.group(1) + "}: " + prop.group(1) + " is a "
                                + type.getSimpleName() + " there, which has no property " + prop.group(2));
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    /** The check itself fails on the original defect: the trend charts read the Job as if it were the action. */
    @Test
    public void theJobHasNoneOfTheTrendProperties() {
        for (String property : List.of("hasData", "durationChart", "outcomeChart", "testChart")) {
            assertNull(property, getter(Job.class, property));
            assertNotNull(property, getter(JobRolloutAction.class, property));
        }
    }

    /**
     * The report is framed from its own URL, never as {@code srcdoc} (whose links resolve against the Jenkins page),
     * and that URL is a web method Jenkins routes: {@code doReport} (Stapler maps {@code doFoo} to {@code foo}) taking
     * only a parameter Stapler's {@code Function} binds and core's {@code DoActionFilter} accepts.
     */
    @Test
    public void theReportIsFramedFromItsOwnRoutedUrl() throws Exception {
        String index = Files.readString(VIEWS.resolve("RolloutAction/index.jelly"));
        assertFalse("srcdoc", index.contains("srcdoc="));
        assertTrue(index.contains("<iframe title=\"Delivery report\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\""
                + " src=\"${rootURL}/${it.owner.url}${it.urlName}/report\""));
        Method report = RolloutAction.class.getMethod("doReport", jakarta.servlet.http.HttpServletResponse.class);
        assertEquals(void.class, report.getReturnType());
    }

    /** The public getter Jelly (commons-beanutils) would call for {@code property}, or null. */
    private static Method getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().equals("get" + suffix)
                    || m.getName().equals("is" + suffix) && m.getReturnType() == boolean.class)) {
                return m;
            }
        }
        return null;
    }

    /** The element type of the collection property {@code property} of {@code owner}. */
    private static Class<?> elementType(Class<?> owner, String property) {
        Method m = getter(owner, property);
        assertNotNull(owner + " has no property " + property, m);
        Type t = m.getGenericReturnType();
        assertTrue(m + " returns a parameterized collection", t instanceof ParameterizedType);
        return (Class<?>) ((ParameterizedType) t).getActualTypeArguments()[0];
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
