package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.SampleCanaryReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The demo-like failed canary's report ({@link SampleCanaryReport}) in a real headless Chromium at 1280 × 800, served
 * with the build page's sandboxing policy ({@link RolloutAction#REPORT_POLICY}): why revision 3 was rolled back is on
 * the first screen, and the header carries no badge of another revision (issue #14). Skipped where Debian's
 * {@code chromium} is not installed; required on CI, as {@link ReportLinksBrowserTest} is.
 */
public class FailedCanaryBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HttpServer server;

    @Before
    public void serveTheReport() throws Exception {
        DevTools.assumeChromium();
        server = DevTools.serve("/report", Map.of("Content-Type", "text/html;charset=UTF-8", "Content-Security-Policy",
                RolloutAction.REPORT_POLICY), HtmlReport.render(SampleCanaryReport.create()).getBytes(StandardCharsets.UTF_8));
    }

    @After
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * Runs {@code function} on the first element matching {@code selector} and returns its JSON result. DevTools runs
     * it, not the page: the sandboxed report itself runs no script.
     */
    private static JsonNode on(DevTools chrome, String selector, String function) throws Exception {
        int root = chrome.send("DOM.getDocument", Map.of("depth", -1)).path("root").path("nodeId").asInt();
        int node = chrome.send("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
        assertTrue("no " + selector + " in the report", node > 0);
        String object = chrome.send("DOM.resolveNode", Map.of("nodeId", node)).path("object").path("objectId").asText();
        String value = chrome.send("Runtime.callFunctionOn", Map.of("objectId", object, "functionDeclaration",
                function, "returnByValue", true)).path("result").path("value").asText();
        return JSON.readTree(value);
    }

    @Test
    public void theFailureIsOnTheFirstScreenAndTheHeaderHasOneVerdict() throws Exception {
        try (DevTools chrome = DevTools.start(folder.newFolder("profile").toPath())) {
            chrome.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800,
                    "deviceScaleFactor", 1, "mobile", false));
            chrome.send("Page.navigate", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/report"));
            assertNotNull("the report loaded", chrome.await("Page.loadEventFired", 30));

            // the box of the "why" line, its text, and whether it is what a reader sees at its middle (not covered)
            JsonNode why = on(chrome, "header .lead.why", "function() { const r = this.getBoundingClientRect();"
                    + " const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2);"
                    + " return JSON.stringify({top: r.top, bottom: r.bottom, width: r.width, text: this.innerText,"
                    + " seen: this.contains(hit), vw: window.innerWidth, vh: window.innerHeight}); }");
            assertEquals("the viewport", 1280, why.path("vw").asInt());
            assertEquals("the viewport", 800, why.path("vh").asInt());
            assertTrue(why.toString(), why.path("top").asDouble() >= 0 && why.path("top").asDouble() < 800);
            assertTrue("the whole line is on the first screen: " + why, why.path("bottom").asDouble() <= 800);
            assertTrue(why.toString(), why.path("seen").asBoolean());
            String text = why.path("text").asText();
            assertTrue(text, text.startsWith("Revision 3 was rolled back to revision 2: canary analysis at 10 %"));
            assertTrue(text, text.contains("canary 40 requests, 40 failed; stable 360 requests, 0 failed")
                    && text.contains("): failed; 1 of failureLimit 1"));

            JsonNode badges = on(chrome, "h1", "function() { return JSON.stringify(Array.from("
                    + "this.querySelectorAll('.badge'), b => b.textContent)); }");
            assertEquals("one verdict, the last change's; no VERIFIED of revision 2 beside it", List.of("rolled back"),
                    JSON.convertValue(badges, List.class));

            JsonNode cause = on(chrome, "header a.cause", "function() { const r = this.getBoundingClientRect();"
                    + " return JSON.stringify({top: r.top, href: this.getAttribute('href'),"
                    + " open: document.getElementById(this.getAttribute('href').substring(1)).closest('details').open});"
                    + " }");
            assertTrue("the link to the cause is on the first screen: " + cause, cause.path("top").asDouble() < 800);
            assertEquals("#e7", cause.path("href").asText());
            assertTrue("the failed entry is open", cause.path("open").asBoolean());
        }
    }
}
