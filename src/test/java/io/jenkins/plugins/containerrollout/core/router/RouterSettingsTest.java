package io.jenkins.plugins.containerrollout.core.router;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** How a router is recorded with an application's state and named again to a person (no engine, no HAProxy). */
public class RouterSettingsTest {
    @Test
    public void settingsSurviveTheTripThroughAStateEntrysLabels() {
        RouterSettings settings = RouterSettings.haproxy("/run/haproxy/admin.sock", "front_web", 8080);
        Map<String, String> labels = new HashMap<>(Map.of(AppLabels.APP, "web"));

        settings.putLabels(labels);

        assertEquals(settings, RouterSettings.fromLabels(labels));
        assertEquals("haproxy", labels.get(AppLabels.ROUTER));
    }

    @Test
    public void aStateEntryWithoutRouterLabelsRecordsNoRouter() {
        assertNull(RouterSettings.fromLabels(Map.of(AppLabels.APP, "web", AppLabels.SEQ, "3")));
    }

    @Test
    public void theRefusalNamesTheOptionsAndTheStepParameterThatGiveTheRouterAgain() {
        RouterSettings withFrontend = RouterSettings.haproxy("/run/h.sock", "web", 8080);
        RouterSettings withoutFrontend = RouterSettings.haproxy("/run/h.sock", "web", 0);

        assertEquals(List.of("--router haproxy --router-socket /run/h.sock --router-backend web --router-frontend-port 8080",
                "router: haproxy(socket: '/run/h.sock', frontendPort: 8080)"),
                List.of(withFrontend.options(), withFrontend.stepParameter()));
        assertEquals(List.of("--router haproxy --router-socket /run/h.sock --router-backend web",
                "router: haproxy(socket: '/run/h.sock')"),
                List.of(withoutFrontend.options(), withoutFrontend.stepParameter()));
    }

    @Test
    public void haproxyDescribesItsBackendAsTheAppsNameUnlessOneWasGivenAndItsSocketAbsolute() {
        Path socket = Path.of("/run/h.sock");

        assertEquals(RouterSettings.haproxy("/run/h.sock", "web", 0), new HaproxyRouter(socket).settings("web").orElseThrow());
        assertEquals(RouterSettings.haproxy("/run/h.sock", "front", 8080),
                new HaproxyRouter(socket, 8080, "front").settings("web").orElseThrow());
        assertEquals(Path.of("admin.sock").toAbsolutePath().toString(),
                new HaproxyRouter(Path.of("admin.sock")).settings("web").orElseThrow().socket());
        assertTrue(TrafficRouter.NONE.settings("web").isEmpty());
    }

    @Test
    public void aRecordThatIsNotAnHaproxyWithSocketAndBackendIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RouterSettings("nginx", "/run/h.sock", "web", 0));
        assertThrows(IllegalArgumentException.class, () -> RouterSettings.haproxy(" ", "web", 0));
    }
}
