package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;

/** Hiding registry passwords and private keys in text bound for the console. */
public class SecretMaskerTest {

    @Test
    public void masksEveryOccurrenceOfThePassword() {
        SecretMasker masker = new SecretMasker().add(new RegistryCredentials("ci", "pw1"));
        assertEquals("**** and ****", masker.mask("pw1 and pw1"));
    }

    @Test
    public void masksTheBasicAuthFormOfTheLogin() {
        String basic = Base64.getEncoder().encodeToString("ci:pw1".getBytes(StandardCharsets.UTF_8));
        SecretMasker masker = new SecretMasker().add(new RegistryCredentials("ci", "pw1"));
        assertEquals("Authorization: Basic ****", masker.mask("Authorization: Basic " + basic));
    }

    @Test
    public void masksASecretThatContainsAnotherOneWhole() {
        SecretMasker masker = new SecretMasker().add("abc").add("xabcx");
        assertEquals("****", masker.mask("xabcx"));
    }

    @Test
    public void leavesTextAloneWhenThePasswordIsEmpty() {
        SecretMasker masker = new SecretMasker().add(new RegistryCredentials("ci", ""));
        assertEquals("ci: ok", masker.mask("ci: ok"));
    }

    @Test
    public void masksAPrivateKeyWholeAndLineByLineButNotItsPemHeaders() {
        String body1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        String body2 = "BKcwggSjAgEAAoIBAQC7x9Yb3mQ0Tz";
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body1 + "\n" + body2 + "\n-----END PRIVATE KEY-----\n";
        SecretMasker masker = new SecretMasker().addPrivateKey(pem);
        assertEquals("****", masker.mask(pem.strip()));
        assertEquals("line ****", masker.mask("line " + body2));
        assertEquals("-----BEGIN PRIVATE KEY-----", masker.mask("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    public void keepsNullAsNull() {
        assertEquals(null, new SecretMasker().add("x").mask(null));
    }
}
