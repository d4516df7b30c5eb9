package io.jenkins.plugins.containerrollout;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The manifest's {@code Plugin-Dependencies} ask for what the code needs, at the versions {@code bom-2.528.x} picks
 * (../shared/hpi/FACTS.md, section 5), so that an admin on the current LTS line need not update plugins for us.
 * docker-java-api 3.7.1-136 is needed only by calls docker-java 3.7.1 added ({@code DockerClient.imageHistoryCmd},
 * {@code exportContainerCmd}, per FACTS.md); the compiled classes are searched for them.
 */
public class PluginDependenciesTest {
    private static final Path BASE = Path.of(System.getProperty("project.basedir", "."));
    private static final List<String> DOCKER_JAVA_371_ONLY = List.of("imageHistoryCmd", "exportContainerCmd");

    @Test
    public void dockerJavaApiIsTheBomsPickUnlessA371OnlyCallIsMade() throws IOException {
        List<String> newer = classesCalling(DOCKER_JAVA_371_ONLY);
        String expected = newer.isEmpty() ? "3.7.0-133.v93b_8fb_c17a_77" : "3.7.1-136.v5d70f77a_c3d6";
        assertEquals("docker-java-api for calls " + newer, expected, dependencies().get("docker-java-api"));
    }

    @Test
    public void workflowApiIsDeclaredForTheStagesWarning() throws IOException {
        assertEquals("1384.vdc05a_48f535f", dependencies().get("workflow-api"));
        assertEquals("710.v3e456cc85233", dependencies().get("workflow-step-api"));
    }

    /** id -> version, from the pom's {@code plugin.dependencies} (what the manifest gets). */
    private static Map<String, String> dependencies() throws IOException {
        String pom = Files.readString(BASE.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<plugin.dependencies>([^<]+)</plugin.dependencies>").matcher(pom);
        assertTrue("pom.xml sets plugin.dependencies", m.find());
        Map<String, String> deps = new LinkedHashMap<>();
        for (String entry : m.group(1).strip().split(",")) {
            String[] parts = entry.split(";")[0].split(":", 2);
            deps.put(parts[0], parts[1]);
        }
        return deps;
    }

    /** The compiled plugin classes whose constant pool names one of {@code methods}. */
    private static List<String> classesCalling(List<String> methods) throws IOException {
        Path classes = BASE.resolve("target/classes/io/jenkins/plugins/containerrollout");
        assertTrue(classes + " is built", Files.isDirectory(classes));
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).filter(f -> {
                try {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    return methods.stream().anyMatch(bytes::contains);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> classes.relativize(f).toString()).toList();
        }
    }
}
