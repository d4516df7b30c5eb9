package io.jenkins.plugins.containerrollout.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.containerrollout.core.engine.TlsMaterial;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.model.RolloutAction;
import java.io.IOException;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The few calls the step executions make into Jenkins itself, kept behind one interface so that everything around
 * them runs in unit tests (where the compile-only API mirror cannot run) with a fake.
 *
 * <p>Usage: {@code RegistryCredentials c = JenkinsServices.LIVE.usernamePassword("registry", build, "https://127.0.0.1:5000");}
 */
interface JenkinsServices {
    /** The real thing: the credentials plugin and the agent channel. */
    JenkinsServices LIVE = new Live();

    /**
     * Looks up username/password credentials by id as the build sees them (folder and global stores, the build's
     * authentication), for the registry at {@code registryUri}.
     *
     * @return the login, or null when no such credentials exist
     */
    RegistryCredentials usernamePassword(String id, Run<?, ?> build, String registryUri) throws IOException;

    /**
     * Looks up docker-commons "Docker Server Certificate" credentials by id as the build sees them, for the engine at
     * {@code hostUri}.
     *
     * @return their PEM material (named {@code credentials 'id'} in error messages), or null when no such credentials exist
     */
    TlsMaterial dockerServer(String id, Run<?, ?> build, String hostUri) throws IOException;

    /** Runs {@code callable} on the agent that holds {@code workspace}, with the workspace as its directory. */
    <V> V act(FilePath workspace, FilePath.FileCallable<V> callable) throws IOException, InterruptedException;

    /**
     * Adds {@code entry} to the build's {@link RolloutAction} (created and attached when the build has none yet) and
     * saves the build, so the record survives a restart.
     */
    void attach(Run<?, ?> run, ReportEntry entry) throws IOException;

    /**
     * Sets the build's result to UNSTABLE (Jenkins keeps the worse of this and any other result) and marks the step's
     * node with a {@code WarningAction(UNSTABLE)} carrying {@code why}, so Stage View and Pipeline Graph View show the
     * stage yellow: as jenkinsci/junit-plugin's {@code JUnitResultsStepExecution} does for failed tests.
     */
    void markUnstable(Run<?, ?> run, FlowNode node, String why);

    /** Calls straight into Jenkins; usage: {@code JenkinsServices.LIVE.act(workspace, callable)}. */
    final class Live implements JenkinsServices {
        private Live() {
        }

        @Override
        public RegistryCredentials usernamePassword(String id, Run<?, ?> build, String registryUri) {
            StandardUsernamePasswordCredentials found = CredentialsProvider.findCredentialById(
                    id, StandardUsernamePasswordCredentials.class, build, URIRequirementBuilder.fromUri(registryUri).build());
            return found == null ? null : new RegistryCredentials(found.getUsername(), found.getPassword().getPlainText());
        }

        @Override
        public TlsMaterial dockerServer(String id, Run<?, ?> build, String hostUri) {
            DockerServerCredentials found = CredentialsProvider.findCredentialById(
                    id, DockerServerCredentials.class, build, URIRequirementBuilder.fromUri(hostUri).build());
            if (found == null) {
                return null;
            }
            Secret key = found.getClientKeySecret();
            return new TlsMaterial("credentials '" + id + "'", found.getServerCaCertificate(), found.getClientCertificate(),
                    key == null ? null : key.getPlainText());
        }

        @Override
        public <V> V act(FilePath workspace, FilePath.FileCallable<V> callable) throws IOException, InterruptedException {
            return workspace.act(callable);
        }

        @Override
        public void attach(Run<?, ?> run, ReportEntry entry) throws IOException {
            RolloutAction.record(run, entry);
        }

        @Override
        public void markUnstable(Run<?, ?> run, FlowNode node, String why) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(why));
            run.setResult(Result.UNSTABLE);
        }
    }
}
