package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The model's Jelly views, read as text (Jelly cannot run here): escaped by default, no script, no event handler
 * attribute, and raw output only for the SVG charts our own renderer escapes.
 */
public class ViewsTest {
    private static final Path VIEWS = Path.of(System.getProperty("project.basedir", "."),
            "src/main/resources/io/jenkins/plugins/containerrollout/model");
    private static final Pattern RAW = Pattern.compile("<j:out value=\"\\$\\{it\\.(\\w+)\\}\"/>");

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
            assertEquals(view + ": every j:out is one of ours", countOf(text, "<j:out"), countOf(text, "<j:out value=\"${it."));
        }
        assertEquals(List.of("durationChart", "outcomeChart", "testChart"), raw);
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
