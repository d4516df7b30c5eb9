package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Tag syntax is checked before any context is sent, with a message that quotes the bad tag. */
public class ImageReferenceTest {
    @Test
    public void splitsRegistryWithPortRepositoryAndTag() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/team/app:1.0");
        assertEquals("127.0.0.1:5000", ref.registry());
        assertEquals("team/app", ref.repository());
        assertEquals("1.0", ref.tag());
        assertEquals("127.0.0.1:5000/team/app", ref.name());
    }

    @Test
    public void defaultsToLatestAndDockerHub() {
        ImageReference ref = ImageReference.parse("library/app");
        assertNull(ref.registry());
        assertEquals("latest", ref.tag());
        assertEquals("docker.io", ref.registryHost());
    }

    @Test
    public void treatsLocalhostAsARegistry() {
        assertEquals("localhost", ImageReference.parse("localhost/app:x").registry());
    }

    @Test
    public void rejectsUpperCaseRepositoryNamingTheTag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("MyApp:1"));
        assertTrue(e.getMessage(), e.getMessage().contains("\"MyApp:1\""));
        assertTrue(e.getMessage(), e.getMessage().contains("repository"));
    }

    @Test
    public void rejectsATagStartingWithADot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("app:.1"));
        assertTrue(e.getMessage(), e.getMessage().contains("the tag \".1\""));
    }

    @Test
    public void rejectsDigests() {
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("app@sha256:" + "a".repeat(64)));
    }

    @Test
    public void rejectsEmptyComponentsAndSpaces() {
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("team//app:1"));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("my app:1"));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse("app:"));
    }
}
