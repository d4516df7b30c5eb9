package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** Tag syntax as the docker CLI accepts it, and the registry a tag names. */
public class ImageReferencesTest {

    @Test
    public void acceptsARegistryWithPortPathAndTag() {
        assertNull(ImageReferences.problem("127.0.0.1:5000/team/app:1.0-rc.1"));
    }

    @Test
    public void acceptsADockerHubShortName() {
        assertNull(ImageReferences.problem("app"));
    }

    @Test
    public void rejectsAnUpperCaseRepository() {
        assertNotNull(ImageReferences.problem("registry.example.com/App:1"));
    }

    @Test
    public void rejectsADigestReference() {
        assertNotNull(ImageReferences.problem("app@sha256:0123"));
    }

    @Test
    public void rejectsAnInvalidTagPart() {
        assertNotNull(ImageReferences.problem("app:-bad"));
    }

    @Test
    public void rejectsABlankTag() {
        assertNotNull(ImageReferences.problem(" "));
    }

    @Test
    public void findsTheRegistryOfATag() {
        assertEquals("127.0.0.1:5000", ImageReferences.registry("127.0.0.1:5000/app:1"));
    }

    @Test
    public void aFirstPathComponentWithoutDotOrPortIsNoRegistry() {
        assertNull(ImageReferences.registry("team/app:1"));
    }

    @Test
    public void registryUriOfAnUnqualifiedTagIsDockerHub() {
        assertEquals("https://index.docker.io/v1/", ImageReferences.registryUri("team/app:1"));
    }

    @Test
    public void registryUriOfAQualifiedTagIsHttpsToItsHost() {
        assertEquals("https://localhost:5000", ImageReferences.registryUri("localhost:5000/app"));
    }

    @Test
    public void anUpperCaseFirstComponentIsARegistryHostAsForTheDockerCli() {
        assertEquals("Registry", ImageReferences.registry("Registry/app:1"));
    }
}
