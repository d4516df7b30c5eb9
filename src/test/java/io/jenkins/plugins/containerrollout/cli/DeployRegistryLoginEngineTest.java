package io.jenkins.plugins.containerrollout.cli;

import static io.jenkins.plugins.containerrollout.cli.CliApps.args;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.engine.DockerClientFactory;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private final int base = CliApps.portBase(app, 2);

    @Before
    public void pushThePrivateImageAndForgetIt() throws Exception {
        TestBed.docker("tag", CliApps.image("1", true), privateImage);
        DockerClient docker = DockerClientFactory.DEFAULT.create(TestBed.host());
        try {
            AuthConfig auth = new AuthConfig().withUsername(TestBed.authUser()).withPassword(TestBed.authPassword())
                    .withRegistryAddress(TestBed.authRegistry());
            assertTrue("pushed", docker.pushImageCmd(privateImage).withAuthConfig(auth)
                    .exec(new ResultCallback.Adapter<>()).awaitCompletion(2, TimeUnit.MINUTES));
        } finally {
            DockerClientFactory.closeQuietly(docker);
        }
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

    private String[] deploy(String... more) {
        return args(args(new String[] {"deploy", "--app", app, "--image", privateImage, "--port-base",
            String.valueOf(base)}, CliApps.fast()), more);
    }
}
