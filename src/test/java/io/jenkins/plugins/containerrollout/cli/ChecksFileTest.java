package io.jenkins.plugins.containerrollout.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.MetricsCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code verify --checks FILE}: a JSON array of checks as {@code containerVerify} takes them ({@code type: metrics}
 * among them), run after the options' checks; a bad file is a usage error naming it and the entry at fault.
 */
public class ChecksFileTest {
    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private List<Check> checks(String json, String... more) throws Exception {
        Path file = tmp.newFile("checks.json").toPath();
        Files.writeString(file, json);
        List<String> args = new java.util.ArrayList<>(List.of("--app", "web", "--checks", file.toString()));
        args.addAll(List.of(more));
        return VerifyCommand.checks(new VerifyCommand().options().parse(args), "web", 1);
    }

    @Test
    public void aMetricsCheckFromTheFileRunsAfterTheOptionsChecks() throws Exception {
        List<Check> checks = checks("[{\"type\": \"metrics\", \"name\": \"errors\", \"url\": \"http://127.0.0.1:9090\","
                + " \"query\": \"vector(0)\", \"maxValue\": 0.05}]", "--http", "{endpoint}/health");

        assertEquals(HttpCheck.TYPE, checks.get(0).type());
        assertEquals(new MetricsCheck("errors", "http://127.0.0.1:9090", "vector(0)", null, 0.05, 0, false, 5000, 0),
                checks.get(1));
    }

    @Test
    public void aBadEntryIsAUsageErrorNamingTheFileAndTheEntry() {
        String message = assertThrows(UsageException.class, () -> checks("[{\"type\": \"metrics\", \"url\":"
                + " \"http://127.0.0.1:9090\", \"query\": \"up\"}]")).getMessage();

        assertTrue(message, message.matches("--checks .*checks\\.json: checks\\[0\\]: metrics check 'metrics': give"
                + " maxValue .*"));
    }

    @Test
    public void aMissingFileIsAUsageErrorNamingIt() {
        String message = assertThrows(UsageException.class, () -> VerifyCommand.checks(new VerifyCommand().options()
                .parse(List.of("--app", "web", "--checks", "/nonexistent/checks.json")), "web", 1)).getMessage();

        assertTrue(message, message.startsWith("--checks /nonexistent/checks.json: cannot be read"));
    }
}
