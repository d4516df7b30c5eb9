package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report's table of contents in a real headless Chromium, served the way Jenkins serves it: from
 * {@code <build>/rollout/report} by {@link RolloutAction#doReport}, with its headers (the sandboxing
 * Content-Security-Policy among them), over a loopback HTTP server. A click on a contents link must move within the
 * report (a fragment navigation, the document kept), not load another page. Skipped where Debian's {@code chromium}
 * is not installed ({@code apt-get install -y chromium}).
 */
public class ReportLinksBrowserTest {
    private static final String REPORT_PATH = "/job/shop/7/rollout/report";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HttpServer server;
    private String reportHtml;

    @Before
    public void serveTheReport() throws Exception {
        DevTools.assumeChromium();
        RolloutAction action = new RolloutAction();
        action.attach(null, folder.newFolder("7"));
        for (var entry : Entries.sampleRun()) {
            action.add(entry);
        }
        CapturedResponse rsp = new CapturedResponse();
        action.doReport(rsp.proxy());
        reportHtml = action.getReportHtml();
        Map<String, String> headers = new java.util.HashMap<>(rsp.headers);
        headers.put("Content-Type", rsp.contentType);
        server = DevTools.serve(REPORT_PATH, headers, rsp.body().getBytes(StandardCharsets.UTF_8));
    }

    @After
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * The job page's frame, as {@code index.jelly} writes it: its {@code iframe} element with the expressions Jenkins
     * would fill in (root URL and build URL; the report itself for a view that still inlines it).
     */
    private String framingPage(String base) throws Exception {
        String index = Files.readString(Path.of(System.getProperty("project.basedir", "."),
                "src/main/resources/io/jenkins/plugins/containerrollout/model/RolloutAction/index.jelly"));
        Matcher iframe = Pattern.compile("<iframe[^>]*/>", Pattern.DOTALL).matcher(index);
        assertTrue("index.jelly frames the report", iframe.find());
        String element = iframe.group().replace("/>", "></iframe>")
                .replace("${rootURL}/${it.owner.url}${it.urlName}", base + "/job/shop/7/rollout")
                .replace("${it.reportHtml}", reportHtml.replace("&", "&amp;").replace("\"", "&quot;")
                        .replace("<", "&lt;").replace(">", "&gt;"));
        return "<!DOCTYPE html><html><head><title>Jenkins</title></head><body><h1>Rollouts</h1>" + element
                + "</body></html>";
    }

    /**
     * Clicks the report's last table-of-contents link in {@code session} (the page's, or a frame's) and returns its href.
     * The link's own activation (a click event on it): the browser resolves its href against the document's base
     * URL, which is what a srcdoc frame gets wrong. Scripts are off in the report (the sandbox), not for DevTools;
     * synthetic mouse input did not reach the headless background target, so it is not used.
     */
    private static String clickLastContentsLink(DevTools chrome, String session) throws Exception {
        int root = chrome.sendTo(session, "DOM.getDocument", Map.of("depth", -1)).path("root").path("nodeId").asInt();
        JsonNode links = chrome.sendTo(session, "DOM.querySelectorAll", Map.of("nodeId", root, "selector",
                "a[href^='#e']")).path("nodeIds");
        assertTrue("the report has a table of contents", links.size() > 1);
        int link = links.get(links.size() - 1).asInt();
        JsonNode attributes = chrome.sendTo(session, "DOM.getAttributes", Map.of("nodeId", link)).path("attributes");
        String href = attributes.get(attributes.size() - 1).asText();
        assertTrue(href, href.matches("#e\\d+"));
        String object = chrome.sendTo(session, "DOM.resolveNode", Map.of("nodeId", link)).path("object")
                .path("objectId").asText();
        chrome.events.clear();
        chrome.sendTo(session, "Runtime.callFunctionOn", Map.of("objectId", object,
                "functionDeclaration", "function() { this.click(); }"));
        return href;
    }

    @Test
    public void aContentsLinkMovesWithinTheReportInTheBuildPagesFrame() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] page = framingPage(base).getBytes(StandardCharsets.UTF_8);
        server.createContext("/job/shop/7/rollout/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        try (DevTools chrome = DevTools.start(folder.newFolder("profile").toPath())) {
            chrome.send("Page.navigate", Map.of("url", base + "/job/shop/7/rollout/"));
            assertNotNull("the page loaded", chrome.await("Page.loadEventFired", 30));
            String frame = chrome.frameSession();
            String frameUrl = chrome.sendTo(frame, "Page.getFrameTree", Map.of()).path("frameTree").path("frame")
                    .path("url").asText();
            String href = clickLastContentsLink(chrome, frame);

            JsonNode moved = chrome.await("Page.navigatedWithinDocument", 10);
            assertNotNull("the click did not move within the report: " + chrome.events, moved);
            assertEquals(frameUrl + href, moved.path("params").path("url").asText());
            assertEquals(base + "/job/shop/7/rollout/report" + href, moved.path("params").path("url").asText());
        }
    }

    @Test
    public void aContentsLinkMovesWithinTheReport() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + REPORT_PATH;
        try (DevTools chrome = DevTools.start(folder.newFolder("profile").toPath())) {
            chrome.send("Page.navigate", Map.of("url", url));
            assertNotNull("the report loaded", chrome.await("Page.loadEventFired", 30));

            String href = clickLastContentsLink(chrome, chrome.page());

            JsonNode moved = chrome.await("Page.navigatedWithinDocument", 10);
            assertNotNull("the click did not move within the document", moved);
            assertEquals(url + href, moved.path("params").path("url").asText());
            assertNull("the click loaded another document", chrome.await("Page.frameNavigated", 2));
        }
    }
}
