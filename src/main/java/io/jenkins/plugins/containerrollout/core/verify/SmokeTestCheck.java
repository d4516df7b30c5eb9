package io.jenkins.plugins.containerrollout.core.verify;

import static io.jenkins.plugins.containerrollout.core.verify.Validation.blank;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.orDefault;
import static io.jenkins.plugins.containerrollout.core.verify.Validation.require;

import java.util.List;
import java.util.Map;

/**
 * Runs a test image on the host network with {@code TARGET_URL} pointing at the application (and
 * {@code TARGET_URLS}, space-separated, at every endpoint when {@code targetUrl} uses {@code {endpoint}}), kills it when it
 * outlives its timeout, then copies its JUnit XML out of the container and parses it. Passes only when the container
 * exits 0 <em>and</em> at least one report was found <em>and</em> no test case failed. The container is always removed.
 *
 * <p>Usage: {@code new SmokeTestCheck("e2e", "shop-e2e:42", null, Map.of("LANG", "C"), "{endpoint}", "/reports/*.xml", 300_000)}
 *
 * @param name          shown in logs and results; defaults to "smokeTest"
 * @param image         the test image (present on the engine)
 * @param command       replaces the image's CMD (its ENTRYPOINT stays); null or empty for the image's own
 * @param env           extra environment; {@code TARGET_URL(S)} are set from {@code targetUrl} and win; values never
 *                      appear in {@link #toString()}
 * @param targetUrl     the URL under test, may use {@code {endpoint}} (the first endpoint); default {@code {endpoint}}
 * @param reportPath    where the JUnit XML is: a file, a directory (its {@code *.xml}), or a glob in the last
 *                      segment ({@code /reports/TEST-*.xml}); default {@code /reports}
 * @param timeoutMillis bound on the test run; default 300000
 * @param reportsDir    a directory on the machine running the check to write the collected XML files into, so that
 *                      a CI server's own JUnit publisher reads them (Jenkins' {@code junit}); null writes none. Its
 *                      {@code *.xml} files are deleted first: what is there afterwards is this run's
 */
public record SmokeTestCheck(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        String targetUrl,
        String reportPath,
        long timeoutMillis,
        String reportsDir) implements Check {
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "smokeTest";

    public SmokeTestCheck {
        name = orDefault(name, TYPE);
        String where = "smokeTest check '" + name + "': ";
        require(!blank(image), where + "image is missing; give the test image, e.g. shop-e2e:42");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        targetUrl = orDefault(targetUrl, Targets.ENDPOINT);
        reportPath = orDefault(reportPath, "/reports");
        require(reportPath.startsWith("/"), where + "reportPath '" + reportPath
                + "' must be absolute inside the container, e.g. /reports or /reports/*.xml");
        require(!reportPath.substring(0, reportPath.lastIndexOf('/')).matches(".*[*?\\[].*"),
                where + "reportPath '" + reportPath + "' may use a glob only in its last segment, e.g. /reports/*.xml");
        timeoutMillis = orDefault(timeoutMillis, 300_000, where + "timeoutMillis");
        reportsDir = blank(reportsDir) ? null : reportsDir;
    }

    /** A check that writes no report files (the CLI's, and the form the other callers knew). */
    public SmokeTestCheck(String name, String image, List<String> command, Map<String, String> env, String targetUrl,
            String reportPath, long timeoutMillis) {
        this(name, image, command, env, targetUrl, reportPath, timeoutMillis, null);
    }

    /** This check writing its XML files into {@code dir} (null: none). */
    public SmokeTestCheck withReportsDir(String dir) {
        return new SmokeTestCheck(name, image, command, env, targetUrl, reportPath, timeoutMillis, dir);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Names the environment variables without their values: they may hold tokens for the system under test. */
    @Override
    public String toString() {
        return "SmokeTestCheck[name=" + name + ", image=" + image + ", command=" + command + ", env="
                + new java.util.TreeSet<>(env.keySet()) + ", targetUrl=" + targetUrl + ", reportPath=" + reportPath
                + ", timeoutMillis=" + timeoutMillis + ", reportsDir=" + reportsDir + "]";
    }
}
