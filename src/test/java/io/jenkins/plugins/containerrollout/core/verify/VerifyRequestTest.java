package io.jenkins.plugins.containerrollout.core.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Bad input is refused when the request is built, with a message naming the parameter and the fix. */
public class VerifyRequestTest {
    private static final List<String> ENDPOINTS = List.of("http://127.0.0.1:30001", "http://127.0.0.1:30002/");

    private static String error(Map<String, ?> arguments) {
        return assertThrows(IllegalArgumentException.class, () -> VerifyRequest.fromMap(arguments)).getMessage();
    }

    private static Map<String, Object> withCheck(Map<String, Object> check) {
        return Map.of("endpoints", ENDPOINTS, "checks", List.of(check));
    }

    @Test
    public void mapsBecomeChecksWithDefaults() {
        VerifyRequest r = VerifyRequest.fromMap(Map.of("name", "web", "endpoints", ENDPOINTS, "onFailure", "rollback",
                "checks", List.of(Map.of("type", "http", "url", "{endpoint}/health", "retries", 2),
                        Map.of("type", "smokeTest", "image", "e2e:1"))));
        HttpCheck http = (HttpCheck) r.checks().get(0);
        assertEquals(List.of(200), http.expectedStatus());
        assertEquals(3, http.attempts());
        assertEquals(OnFailure.ROLLBACK, r.onFailure());
        assertEquals("/reports", ((SmokeTestCheck) r.checks().get(1)).reportPath());
        assertEquals(List.of("http://127.0.0.1:30001/health", "http://127.0.0.1:30002/health"),
                r.expand(http.url()).stream().map(Object::toString).toList());
    }

    @Test
    public void packageDocumentationExampleIsAValidRequest() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("project.basedir", "."),
                "src/main/java/io/jenkins/plugins/containerrollout/core/verify/package-info.java"));
        String json = doc.substring(doc.indexOf("<pre>{@code") + 11, doc.indexOf("}</pre>")).replaceAll("(?m)^ \\* ?", "");
        VerifyRequest r = VerifyRequest.fromJson(json);
        assertEquals(6, r.checks().size());
        assertEquals(OnFailure.ROLLBACK, r.onFailure());
    }

    @Test
    public void requestWithoutChecksIsRefused() {
        assertTrue(error(Map.of("checks", List.of())).startsWith("checks is empty; give at least one check"));
    }

    @Test
    public void unknownCheckTypeNamesTheKnownOnes() {
        assertEquals("checks[0]: unknown check type 'htp'; use one of http, successRate, health, exec, smokeTest, metrics",
                error(withCheck(Map.of("type", "htp", "url", "{endpoint}/"))));
    }

    @Test
    public void missingCheckTypeIsRefused() {
        assertTrue(error(withCheck(Map.of("url", "{endpoint}/"))).startsWith("checks[0]: type is missing"));
    }

    @Test
    public void misspelledParameterIsRefused() {
        String m = error(withCheck(Map.of("type", "http", "url", "{endpoint}/", "bodyRegexp", "ok")));
        assertTrue(m, m.startsWith("checks[0].bodyRegexp: unknown parameter 'bodyRegexp'; known: "));
        assertTrue(m, m.contains("bodyRegex"));
    }

    @Test
    public void badRegexSaysWhereItBreaks() {
        String m = error(withCheck(Map.of("type", "http", "url", "{endpoint}/", "bodyRegex", "ok(")));
        assertTrue(m, m.startsWith("checks[0]: http check 'http': bodyRegex 'ok(' is not a valid regular expression"));
    }

    @Test
    public void nonHttpUrlIsRefused() {
        assertTrue(error(withCheck(Map.of("type", "http", "url", "ftp://127.0.0.1/x")))
                .contains("url 'ftp://127.0.0.1/x' must be an http:// or https:// URL"));
    }

    @Test
    public void remoteHostIsRefusedUnlessAllowed() {
        Map<String, Object> check = Map.of("type", "http", "url", "http://example.com/health");
        assertTrue(error(withCheck(check)).contains("neither loopback nor an allowed host"));
        VerifyRequest allowed = VerifyRequest.fromMap(Map.of("allowedHosts", List.of("example.com"), "checks", List.of(check)));
        assertEquals(1, allowed.checks().size());
    }

    @Test
    public void endpointTemplateNeedsEndpoints() {
        assertTrue(error(Map.of("checks", List.of(Map.of("type", "successRate", "url", "{endpoint}/"))))
                .contains("uses {endpoint} but no endpoints were given"));
    }

    @Test
    public void smokeTestWithoutImageIsRefused() {
        assertEquals("checks[0]: smokeTest check 'smokeTest': image is missing; give the test image, e.g. shop-e2e:42",
                error(withCheck(Map.of("type", "smokeTest"))));
    }

    @Test
    public void duplicateCheckNamesAreRefused() {
        assertTrue(error(Map.of("endpoints", ENDPOINTS, "checks", List.of(Map.of("type", "http", "url", "{endpoint}/"),
                Map.of("type", "http", "url", "{endpoint}/x")))).contains("the name 'http' is used twice"));
    }

    @Test
    public void unknownOnFailureIsRefused() {
        assertTrue(error(Map.of("onFailure", "retry", "endpoints", ENDPOINTS, "checks", List.of(Map.of("type", "http", "url", "{endpoint}/"))))
                .contains("onFailure 'retry' is not one of rollback, fail, unstable"));
    }

    @Test
    public void smokeTestEnvironmentValuesStayOutOfLogs() {
        SmokeTestCheck check = new SmokeTestCheck("e2e", "e2e:1", null, Map.of("API_TOKEN", "s3cret"), null, null, 0);
        String logged = VerifyRequest.of(ENDPOINTS, List.of(check), OnFailure.FAIL).toString();
        assertTrue(logged, logged.contains("env=[API_TOKEN]"));
        assertFalse(logged, logged.contains("s3cret"));
    }

    @Test
    public void badInputFailsBeforeAnyRequestIsSent() throws Exception {
        try (LocalHttp http = new LocalHttp().handle("/", LocalHttp.text(200, "ok"))) {
            List<Map<String, Object>> checks = List.of(Map.of("type", "http", "url", http.base() + "/"),
                    Map.of("type", "exec", "labels", "app=x", "command", List.of()));
            assertThrows(IllegalArgumentException.class, () -> VerifyRequest.fromMap(Map.of("checks", checks)));
            assertEquals(0, http.requests.get());
        }
    }
}
