package io.jenkins.plugins.containerrollout.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.util.ListBoxModel;

/**
 * The {@code registryCredentialsId} drop-down that {@code containerBuild} and {@code containerDeploy} share: the
 * username/password credentials the job may use for an image's registry. Each descriptor's
 * {@code doFillRegistryCredentialsIdItems} (POST) delegates here, so the permission check lives in one place.
 *
 * <p>Usage: {@code return RegistryCredentialsItems.fill(item, registryCredentialsId, image);}
 */
final class RegistryCredentialsItems {
    private RegistryCredentialsItems() {
    }

    /**
     * @param item    the job being configured, or null outside one
     * @param current the field's current value, kept in the list so that saving the form does not lose it
     * @param image   an image reference whose registry selects credentials domains; blank for Docker Hub
     */
    static ListBoxModel fill(Item item, String current, String image) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (item == null || !(item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM))) {
            // No job (so no build to resolve credentials for) or no right to see them: list nothing but the current value.
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        model.include(item, StandardUsernamePasswordCredentials.class,
                URIRequirementBuilder.fromUri(ImageReferences.registryUri(image == null ? "" : image.strip())).build());
        model.includeCurrentValue(current);
        return model;
    }
}
