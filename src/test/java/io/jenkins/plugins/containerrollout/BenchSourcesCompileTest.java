package io.jenkins.plugins.containerrollout;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.Test;

/**
 * The benchmarks under {@code bench/} run as single-file sources ({@code java bench/X.java}), so nothing compiles them
 * until someone runs {@code bench/run}: a refactor of the classes they use would break them silently (it did once,
 * when {@code TrendChart} moved packages). This compiles them against the test classpath.
 */
public class BenchSourcesCompileTest {
    @Test
    public void everyBenchmarkCompilesAgainstTheCurrentClasses() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull("a JDK is needed to compile the benchmarks", javac);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", Files.createTempDirectory("bench").toString(),
                "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.list(Path.of("bench"))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(errors.toString(StandardCharsets.UTF_8), 0, status);
    }
}
