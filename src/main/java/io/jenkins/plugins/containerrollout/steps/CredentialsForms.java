package io.jenkins.plugins.containerrollout.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;

/**
 * The steps' credentials drop-downs: which credentials of a type a user may pick for a job, with the permission gate
 * every one of them applies (no job, or no right to see its credentials: only the current value is listed).
 *
 * <p>Usage: {@code @POST public ListBoxModel doFillDockerCredentialsIdItems(...) { return CredentialsForms.dockerServer(item, dockerCredentialsId, dockerHost); }}
 */
final class CredentialsForms {
    private CredentialsForms() {
    }

    /** Credentials of {@code type} visible to {@code item} in the domains of {@code domains}, plus none and the current value. */
    static ListBoxModel list(Item item, String current, Class<? extends StandardCredentials> type, List<DomainRequirement> domains) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null || !(item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM))) {
            // No job (so no build to resolve credentials for) or no right to see them: list nothing but the current value.
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        model.include(item, type, domains);
        model.includeCurrentValue(current);
        return model;
    }

    /**
     * Username/password credentials for the registry an image reference names ({@code registryCredentialsId} of
     * {@code containerBuild} and {@code containerDeploy}).
     *
     * @param image an image reference whose registry selects credentials domains; blank for Docker Hub
     */
    static ListBoxModel registry(Item item, String current, String image) {
        return list(item, current, StandardUsernamePasswordCredentials.class,
                URIRequirementBuilder.fromUri(ImageReferences.registryUri(image == null ? "" : image.strip())).build());
    }

    /** docker-commons "Docker Server Certificate" credentials for the engine {@code dockerHost} (any engine when blank). */
    static ListBoxModel dockerServer(Item item, String current, String dockerHost) {
        List<DomainRequirement> domains = dockerHost == null || dockerHost.isBlank() ? List.of()
                : URIRequirementBuilder.fromUri(dockerHost.strip()).build();
        return list(item, current, DockerServerCredentials.class, domains);
    }
}
