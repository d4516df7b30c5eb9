package io.jenkins.plugins.containerrollout.core.deploy;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.testing.TestBed;
import org.junit.After;

/** One unique application per test on the real engine, with a deployer, and everything of it removed afterwards. */
abstract class EngineTestBase {
    protected final DockerHost host = TestBed.host();
    protected final String app = TestBed.unique("dep");
    protected final DockerDeployer deployer = new DockerDeployer(host);

    @After
    public void removeApp() {
        DeployFixture.cleanup(app);
        deployer.close();
    }
}
