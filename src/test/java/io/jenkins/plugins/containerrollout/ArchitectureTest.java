package io.jenkins.plugins.containerrollout;

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
 * Keeps the engine Jenkins-free: {@code core} and {@code cli} must run in the CLI and on an agent without any
 * Jenkins class, so neither may import one (STYLE.md convention 1).
 */
public class ArchitectureTest {
    private static final Path MAIN = Path.of(System.getProperty("project.basedir", "."), "src/main/java/io/jenkins/plugins/containerrollout");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> JENKINS = List.of("hudson.", "jenkins.", "org.kohsuke.", "org.jenkinsci.", "com.cloudbees.");

    @Test
    public void coreAndCliImportNoJenkinsType() throws IOException {
        List<String> offences = new ArrayList<>();
        int files = 0;
        for (String layer : List.of("core", "cli")) {
            try (Stream<Path> sources = Files.walk(MAIN.resolve(layer))) {
                for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    files++;
                    offences.addAll(jenkinsImports(source));
                }
            }
        }
        assertTrue("no sources were scanned under " + MAIN, files > 0);
        assertEquals("core and cli must not import Jenkins types", List.of(), offences);
    }

    @Test
    public void detectsAJenkinsImport() throws IOException {
        Path probe = Files.createTempFile("Probe", ".java");
        try {
            Files.writeString(probe, "package x;\nimport java.util.List;\nimport hudson.model.Run;\nclass Probe {}\n");
            assertEquals(1, jenkinsImports(probe).size());
        } finally {
            Files.delete(probe);
        }
    }

    private static List<String> jenkinsImports(Path source) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(source));
        while (m.find()) {
            String name = m.group(2);
            if (JENKINS.stream().anyMatch(name::startsWith)) {
                found.add(MAIN.relativize(source) + " imports " + name);
            }
        }
        return found;
    }
}
