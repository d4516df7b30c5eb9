package io.jenkins.plugins.containerrollout.steps;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A smoke-test container: runs {@code image} with {@code TARGET_URL} (and {@code TARGET_URLS}) pointing at the
 * application, then reads its JUnit XML from {@code reports}. Passes when it exits 0, a report was found and no test
 * failed. The XML files are also written to the workspace, {@code <reportsDir>/<check name>/}, so the standard
 * {@code junit} step publishes them to the Test Result page and trend.
 *
 * <p>Usage: {@code smokeTest(image: 'shop-e2e:42', reports: '/reports/*.xml', env: [LANG: 'C'])}
 */
public final class SmokeTestVerifyCheck extends VerifyCheck {
    private final String image;
    private String reports;
    private List<String> command = new ArrayList<>();
    private Map<String, String> env = new LinkedHashMap<>();
    private String targetUrl;
    private String reportsDir = DEFAULT_REPORTS_DIR;

    /** Where in the workspace the XML files go unless {@code reportsDir} says otherwise. */
    public static final String DEFAULT_REPORTS_DIR = "container-rollout-reports";

    /** @param image the test image, present on the engine */
    @DataBoundConstructor
    public SmokeTestVerifyCheck(String image) {
        this.image = RolloutForms.blankToNull(image);
    }

    public String getImage() {
        return image;
    }

    public String getReports() {
        return reports;
    }

    /** Where the JUnit XML is inside the container: a file, a directory, or a glob in the last segment. */
    @DataBoundSetter
    public void setReports(String reports) {
        this.reports = RolloutForms.blankToNull(reports);
    }

    public List<String> getCommand() {
        return new ArrayList<>(command);
    }

    @DataBoundSetter
    public void setCommand(List<String> command) {
        this.command = StepArguments.lines(command);
    }

    public Map<String, String> getEnv() {
        return new LinkedHashMap<>(env);
    }

    @DataBoundSetter
    public void setEnv(Map<String, String> env) {
        this.env = StepArguments.copy(env);
    }

    public String getTargetUrl() {
        return targetUrl;
    }

    /** The URL under test; default {@code {endpoint}} (the first replica). */
    @DataBoundSetter
    public void setTargetUrl(String targetUrl) {
        this.targetUrl = RolloutForms.blankToNull(targetUrl);
    }

    public String getReportsDir() {
        return reportsDir;
    }

    /**
     * The workspace folder the collected JUnit XML files are written to, one sub-folder per check; default
     * {@value #DEFAULT_REPORTS_DIR}. Publish them with {@code junit 'container-rollout-reports/**}{@code /*.xml'}.
     */
    @DataBoundSetter
    public void setReportsDir(String reportsDir) {
        String dir = RolloutForms.blankToNull(reportsDir);
        this.reportsDir = dir == null ? DEFAULT_REPORTS_DIR : dir;
    }

    /** @throws IllegalArgumentException when {@code reportsDir} leaves the workspace or the image is missing */
    @Override
    public Check toCheck(String app, int desiredReplicas) {
        java.nio.file.Path dir = java.nio.file.Path.of(reportsDir).normalize();
        if (dir.isAbsolute() || dir.startsWith("..") || dir.toString().isEmpty()) {
            throw new RequestException("reportsDir: '" + reportsDir + "' must be a folder inside the workspace, "
                    + "e.g. '" + DEFAULT_REPORTS_DIR + "', where the junit step can read it");
        }
        return new SmokeTestCheck(getName(), image, command, env, targetUrl, reports, timeoutMillis(), reportsDir);
    }

    /**
     * {@code smokeTest} in Pipeline scripts and the Snippet Generator.
     *
     * <p>Usage: {@code checks: [smokeTest(image: 'shop-e2e:42')]}
     */
    @Extension
    @Symbol("smokeTest")
    public static final class DescriptorImpl extends Descriptor<VerifyCheck> {
        @Override
        public String getDisplayName() {
            return Messages.get("SmokeTestVerifyCheck.displayName");
        }

        /** No image. */
        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> new SmokeTestVerifyCheck(value).toCheck("app", 1));
        }

        /** A folder outside the workspace. */
        @POST
        public FormValidation doCheckReportsDir(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                SmokeTestVerifyCheck check = new SmokeTestVerifyCheck("image");
                check.setReportsDir(value);
                check.toCheck("app", 1);
            });
        }

        /** A relative path, or a glob before the last segment. */
        @POST
        public FormValidation doCheckReports(@AncestorInPath Item item, @QueryParameter String value) {
            return RolloutForms.check(item, () -> {
                SmokeTestVerifyCheck check = new SmokeTestVerifyCheck("image");
                check.setReports(value);
                check.toCheck("app", 1);
            });
        }
    }
}
