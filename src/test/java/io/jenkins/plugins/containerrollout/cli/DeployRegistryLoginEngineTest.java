package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.testing.Registries;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import io.jenkins.plugins.containerrollout.testing.TestImages;
import java.nio.file.Files;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code deploy --registry-username} of an image only a password-protected registry has: pulled with the login (the
 * password from REGISTRY_PASSWORD, never an argument, never printed); a wrong one fails naming the image, nothing
 * deployed.
 */
public class DeployRegistryLoginEngineTest {
    private final String app = TestBed.unique("cli-login");
    private final String privateImage = TestBed.authRegistry() + "/" + app + ":1";
    private final int base = CliApps.portBase(app, 3);

    @Before
    public void pushThePrivateImageAndForgetIt() throws Exception {
        // an image of its own: the rollback test removes it by id, which must not take a shared image with it
        TestImages.uniqueApp(Files.createTempDirectory("cli-login"), privateImage, "1");
        Registries.pushWithLogin(privateImage);
        TestBed.docker("rmi", privateImage);
    }

    @After
    public void cleanUp() {
        CliApps.cleanup(app);
        TestBed.dockerResult("rmi", "-f", privateImage);
    }

    @Test
    public void pullsThePrivateImageWithTheLoginAndNeverPrintsThePassword() {
        Map<String, String> env = CliApps.env();
        env.put("REGISTRY_PASSWORD", TestBed.authPassword());
        CliRun run = CliRun.of(env, "", deploy("--registry-username", TestBed.authUser()));
        assertEquals(run.err(), 0, run.exit());
        assertTrue(run.err(), run.err().contains("pulling " + privateImage + " as " + TestBed.authUser()));
        assertEquals("1", CliApps.version(base));
        assertFalse(run.out().contains(TestBed.authPassword()));
        assertFalse(run.err().contains(TestBed.authPassword()));
    }

    @Test
    public void aWrongPasswordFailsNamingTheImageAndDeploysNothing() {
        Map<String, String> env = CliApps.env();
        env.put("REGISTRY_PASSWORD", "not-the-" + TestBed.unique("password"));
        CliRun run = CliRun.of(env, "", deploy("--registry-username", TestBed.authUser()));
        assertEquals(run.err(), 1, run.exit());
        String cause = CliApps.lastErrLine(run);
        assertTrue(cause, cause.contains("image: pulling '" + privateImage + "' as " + TestBed.authUser() + " failed"));
        assertTrue(cause, cause.endsWith("check the registry credentials"));
        assertEquals("nothing of the app on the engine", "", TestBed.docker("ps", "-aq", "--filter",
                "label=" + AppLabels.APP + "=" + app).trim());
    }

    @Test
    public void aPasswordArgumentIsRefused() {
        CliRun run = CliRun.of(CliApps.env(), "", deploy("--registry-username", "u", "--password", "secret"));
        assertEquals(2, run.exit());
        assertTrue(run.err(), run.err().contains("shell history"));
    }

    @Test
    public void aRollbackToARevisionWhosePrivateImageWasRemovedPullsItBackWithTheLogin() throws Exception {
        Map<String, String> env = CliApps.env();
        env.put("REGISTRY_PASSWORD", TestBed.authPassword());
        assertEquals(0, CliRun.of(env, "", deploy("--registry-username", TestBed.authUser())).exit());
        String imageId = TestBed.docker("inspect", "--format", "{{.Id}}", privateImage).trim();
        CliRun v2 = CliRun.of(env, "", deployOf(CliApps.image("2", true)));
        assertEquals(v2.err(), 0, v2.exit());
        TestBed.removeImageOnceUnused(imageId);

        CliRun anonymous = CliRun.of(env, "", rollbackToOne());
        assertEquals(anonymous.err(), 1, anonymous.exit());
        assertTrue(anonymous.err(), CliApps.lastErrLine(anonymous).contains("toRevision: the image of revision 1 ("
                + imageId + ") is no longer on the engine and "));
        CliRun withLogin = CliRun.of(env, "", args(rollbackToOne(), "--registry-username", TestBed.authUser()));

        assertEquals(withLogin.err(), 0, withLogin.exit());
        assertTrue(withLogin.err(), withLogin.err().contains("pulling " + TestBed.authRegistry() + "/" + app + "@sha256:"));
        assertEquals(0, TestBed.dockerResult("image", "inspect", imageId).exitCode());
        assertEquals("1", CliApps.json(CliRun.of(env, "", "status", "--app", app)).get("stableRevision").asText());
        assertFalse(withLogin.err().contains(TestBed.authPassword()));
    }

    private String[] rollbackToOne() {
        return new String[] {"rollback", "--app", app, "--to-revision", "1", "--probe-interval", "200",
            "--startup-timeout", "20"};
    }

    private String[] deploy(String... more) {
        return args(deployOf(privateImage), more);
    }

    private String[] deployOf(String image) {
        return args(new String[] {"deploy", "--app", app, "--image", image, "--port-base", String.valueOf(base)},
                CliApps.fast());
    }
}
