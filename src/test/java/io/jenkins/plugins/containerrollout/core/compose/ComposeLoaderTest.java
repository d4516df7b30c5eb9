package io.jenkins.plugins.containerrollout.core.compose;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A whole Compose file to a project model: the example of docs/example, then every refusal the loader must make, each
 * naming the file, the key and the fix. Key meanings: compose-spec/compose-spec {@code 05-services.md}.
 */
public class ComposeLoaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Each row: a service body (under {@code services.web:}) and the start of the error it must give. */
    private static final String[][] REFUSED = {
        {"image: a\nprivileged: true", "compose: compose.yaml: services.web.privileged is not supported by "
                + "containerDeploy(compose:) / deploy --compose; remove it (supported here: command, depends_on, deploy,"},
        {"build: .", "compose: compose.yaml: services.web.build is not supported by containerDeploy(compose:) / "
                + "deploy --compose; build the image first (containerBuild) and pass it with images:"},
        {"image: a\ndeploy: {mode: global}", "compose: compose.yaml: services.web.deploy.mode is not supported"},
        {"image: a\ndeploy: {resources: {reservations: {memory: 1g}}}", "compose: compose.yaml: services.web.deploy."
                + "resources.reservations is not supported"},
        {"image: a\ndeploy: {update_config: {monitor: 5s}}", "compose: compose.yaml: services.web.deploy.update_config."
                + "monitor is not supported"},
        {"image: a\ndeploy: {update_config: {order: middle-first}}", "compose: compose.yaml: services.web.deploy."
                + "update_config.order is 'middle-first'; use stop-first or start-first"},
        {"image: a\nhealthcheck: {start_interval: 1s}", "compose: compose.yaml: services.web.healthcheck.start_interval "
                + "is not supported"},
        {"image: a\nhealthcheck: {test: [\"RUN\", \"x\"]}", "compose: compose.yaml: services.web.healthcheck.test must "
                + "start with NONE, CMD or CMD-SHELL"},
        {"image: a\nhealthcheck: {interval: 10}", "compose: compose.yaml: services.web.healthcheck.interval '10' is not "
                + "a duration"},
        {"image: a\nhealthcheck: {disable: true, test: [CMD, \"true\"]}", "compose: compose.yaml: services.web."
                + "healthcheck sets both disable and test; keep one"},
        {"image: a\nstop_grace_period: 10", "compose: compose.yaml: services.web.stop_grace_period '10' is not a "
                + "duration"},
        {"image: a\nrestart: sometimes", "compose: compose.yaml: services.web.restart is 'sometimes'; use no, always, "
                + "on-failure[:N] or unless-stopped"},
        {"image: a\ndepends_on: {db: {condition: service_ready}}", "compose: compose.yaml: services.web.depends_on.db."
                + "condition is 'service_ready'; use service_started, service_healthy or service_completed_successfully"},
        {"image: a\ndepends_on: {db: {restart: true}}", "compose: compose.yaml: services.web.depends_on.db.restart is "
                + "not supported"},
        {"image: a\ndepends_on: [db]", "compose: compose.yaml: services.web.depends_on names 'db', which is not a "
                + "service of this file"},
        {"image: a\nnetworks: [back]", "compose: compose.yaml: services.web.networks names network 'back', which the "
                + "top-level networks: does not declare"},
        {"image: a\nnetworks: {default: {aliases: [w]}}", "compose: compose.yaml: services.web.networks.default.aliases "
                + "is not supported by containerDeploy(compose:) / deploy --compose; remove it (no settings are supported here;"},
        {"image: a\nenv_file: missing.env", "compose: compose.yaml: services.web.env_file names 'missing.env', which "
                + "does not exist next to the compose file"},
        {"image: a\nx-rollout: {strategy: yolo}", "compose: compose.yaml: services.web.x-rollout.strategy is 'yolo'; "
                + "use rolling, recreate, blueGreen or canary"},
        {"image: a\nx-rollout: {maxSurge: lots}", "compose: compose.yaml: services.web.x-rollout.maxSurge is 'lots'; "
                + "write a count (1) or a percentage"},
        {"image: a\nx-rollout: {surge: 1}", "compose: compose.yaml: services.web.x-rollout.surge is not supported"},
        {"image: \"web:${TAG:?build a tag first}\"", "compose: compose.yaml: services.web.image needs variable TAG, "
                + "which is unset or empty: build a tag first"},
        {"image: a\nenvironment: {URL: \"${DB/x/y}\"}", "compose: compose.yaml: services.web.environment.URL has an "
                + "invalid interpolation in '${DB/x/y}'"},
        {"command: [run]", "compose: compose.yaml: services.web has no image; add image: to the service or pass it "
                + "with images: [web: ...] (CLI: --image web=IMAGE)"},
        {"image: a\nimage: b", "compose: compose.yaml: is not valid YAML: "},
    };

    @Test
    public void readsTheDocsExampleIntoAnOrderedProject() throws IOException {
        Path file = Path.of("docs/example/compose.yaml");
        ComposeProject p = ComposeLoader.load(file, null, Map.of("web", "127.0.0.1:5000/shop-web@sha256:abc"),
                Map.of("TAG", "7"));
        assertEquals("shop", p.name());
        assertEquals(List.of("api", "web", "worker"), p.services().stream().map(ComposeService::name).toList());
        assertEquals(List.of("worker", "web", "api"), p.rollbackOrder().stream().map(ComposeService::name).toList());
        ComposeService web = p.service("web");
        assertEquals("shop-web", web.app());
        assertEquals("the caller's image wins over the file's", "127.0.0.1:5000/shop-web@sha256:abc", web.image());
        assertEquals("127.0.0.1:5000/shop-web:7", p.service("api").image());
        assertEquals(List.of(new Dependency("api", Dependency.Condition.SERVICE_HEALTHY)), web.dependsOn());
        assertEquals(2, web.replicas());
        assertEquals(64L << 20, web.memoryBytes());
        assertEquals(500_000_000L, web.nanoCpus());
        assertEquals(new UpdateConfig(1, UpdateConfig.Order.START_FIRST, Duration.ofSeconds(2),
                UpdateConfig.FailureAction.ROLLBACK), web.update());
        assertEquals("1", web.update().maxSurge());
        assertEquals("0", web.update().maxUnavailable());
        assertEquals(new RolloutOverride(RolloutOverride.Strategy.ROLLING, "1", "0", null, null, null), web.rollout());
        List<String> checkItsOwnPort = List.of("CMD-SHELL", "wget -qO- http://127.0.0.1:$PORT/cgi-bin/health || exit 1");
        assertEquals("$$ is a literal $: the replica's own PORT", new Healthcheck(checkItsOwnPort,
                Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofSeconds(10), false), web.healthcheck());
        assertEquals("the merge key keeps the fragment's settings and the service's own interval",
                new Healthcheck(checkItsOwnPort, Duration.ofSeconds(3), Duration.ofSeconds(2), 3,
                        Duration.ofSeconds(10), false), p.service("api").healthcheck());
        assertEquals(Map.of("MODE", "production"), p.service("api").environment());
        assertEquals(List.of(new PortMapping("127.0.0.1", 18090, 18090, "tcp", "ingress")), p.service("api").ports());
        ComposeService worker = p.service("worker");
        assertEquals(List.of(), worker.ports());
        assertEquals(List.of(new Mount(Mount.Type.VOLUME, "api-data", "/data", false)), worker.volumes());
        assertEquals("shop_api-data", p.volumeName("api-data"));
        assertEquals("on-failure:3", worker.restart());
        assertEquals(List.of("/bin/busybox"), worker.entrypoint());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    public void refusesEveryUnsupportedKeyAndBadValueNamingFileKeyAndFix() throws IOException {
        for (String[] row : REFUSED) {
            String yaml = "services:\n  web:\n" + row[0].replaceAll("(?m)^", "    ") + "\n";
            ComposeException e = assertThrows(row[0], ComposeException.class, () -> parse(yaml, "shop", Map.of()));
            String message = e.getMessage().replaceFirst("^compose: compose.yaml:\\d+: ", "compose: compose.yaml: ");
            assertTrue(row[0] + " ->\n" + e.getMessage(), message.startsWith(row[1]));
        }
    }

    @Test
    public void anErrorSaysOnWhichLineOfTheFileTheKeyIs() throws IOException {
        String yaml = "x-health: &health\n  interval: 10\nservices:\n  web:\n    image: a\n    ports:\n      - 80\n"
                + "      - 80:http\n    healthcheck:\n      <<: *health\n      retries: 2\n  api:\n    image: a\n"
                + "    privileged: true\n";
        assertMessageStarts("compose: compose.yaml:2: services.web.healthcheck.interval '10' is not a duration", yaml);
        assertMessageStarts("compose: compose.yaml:8: services.web.ports[1] has 'http'",
                yaml.replace("interval: 10", "interval: 10s"));
        assertMessageStarts("compose: compose.yaml:14: services.api.privileged is not supported",
                yaml.replace("80:http", "80").replace("interval: 10", "interval: 10s"));
        assertMessageStarts("compose: compose.yaml:1: services have a depends_on cycle: a -> b -> a",
                "services:\n  a: {image: a, depends_on: [b]}\n  b: {image: b, depends_on: [a]}\n");
    }

    private void assertMessageStarts(String prefix, String yaml) {
        String message = assertThrows(ComposeException.class, () -> parse(yaml, "shop", Map.of())).getMessage();
        assertTrue(message, message.startsWith(prefix));
    }

    @Test
    public void refusesUnsupportedTopLevelKeys() throws IOException {
        ComposeException e = assertThrows(ComposeException.class,
                () -> parse("services: {web: {image: a}}\nsecrets: {s: {file: ./s}}\n", null, Map.of()));
        assertEquals("compose: compose.yaml:2: secrets is not supported by containerDeploy(compose:) / deploy --compose at "
                + "the top level; remove it (supported: services, volumes, networks, name and x-* extensions)", e.getMessage());
    }

    @Test
    public void theEnvironmentWinsOverDotEnvAndEnvironmentWinsOverEnvFile() throws IOException {
        Files.writeString(tmp.getRoot().toPath().resolve(".env"), "TAG=from-dotenv\nMODE=from-dotenv\n");
        Files.writeString(tmp.getRoot().toPath().resolve("web.env"), "A=from-file\nB=from-file\n");
        ComposeProject p = parse("services:\n  web:\n    image: web:${TAG}\n    env_file: web.env\n"
                + "    environment: [\"B=${MODE}\", PASSED]\n", "shop", Map.of("TAG", "from-env", "PASSED", "p"));
        ComposeService web = p.service("web");
        assertEquals("web:from-env", web.image());
        assertEquals(Map.of("A", "from-file", "B", "from-dotenv", "PASSED", "p"), web.environment());
    }

    @Test
    public void theProjectParameterWinsOverNameAndAppNamesFollowTheOneRule() throws IOException {
        assertEquals("other-web", parse("name: shop\nservices: {web: {image: a}}", "other", Map.of()).service("web").app());
        ComposeException upper = assertThrows(ComposeException.class,
                () -> parse("services: {Web: {image: a}}", "shop", Map.of()));
        assertTrue(upper.getMessage(), upper.getMessage().startsWith("compose: compose.yaml:1: services.Web becomes the app "
                + "'shop-Web', which is not a valid app name"));
        ComposeException none = assertThrows(ComposeException.class, () -> parse("services: {web: {image: a}}", null, Map.of()));
        assertTrue(none.getMessage(), none.getMessage().startsWith("compose: compose.yaml: project: required; pass "
                + "project: 'shop'"));
        ComposeException bad = assertThrows(ComposeException.class, () -> parse("services: {web: {image: a}}", "Shop!", Map.of()));
        assertTrue(bad.getMessage(), bad.getMessage().startsWith("compose: compose.yaml: project: 'Shop!' is not a "
                + "valid project name"));
    }

    @Test
    public void anOptionalEnvFileMayBeMissingAndAMissingComposeFileIsAClearError() throws IOException {
        ComposeService web = parse("services: {web: {image: a, env_file: [{path: none.env, required: false}]}}", "shop",
                Map.of()).service("web");
        assertEquals(Map.of(), web.environment());
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeLoader.load(
                tmp.getRoot().toPath().resolve("nope.yaml"), "shop", Map.of(), Map.of()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("compose: '" + tmp.getRoot().toPath().resolve("nope.yaml")
                + "' cannot be read"));
    }

    @Test
    public void anImageForAServiceTheFileDoesNotHaveIsRefused() {
        ComposeException e = assertThrows(ComposeException.class, () -> ComposeLoader.parse("services: {web: {image: a}}",
                "compose.yaml", tmp.getRoot().toPath(), "shop", Map.of("api", "b"), Map.of()));
        assertEquals("compose: compose.yaml: images: names service 'api', which the file does not have; services are: "
                + "web", e.getMessage());
    }

    @Test
    public void readsEnvironmentLabelsCommandsAndHealthcheckForms() throws IOException {
        ComposeService web = parse("services:\n  web:\n    image: a\n    command: sh -c 'echo \"$$HOME\"'\n"
                + "    labels: [tier=front, flag]\n    healthcheck: {test: wget -q localhost, retries: \"${R:-2}\"}\n"
                + "    deploy: {replicas: \"${N:-3}\"}\n", "shop", Map.of()).service("web");
        assertEquals(List.of("sh", "-c", "echo \"$HOME\""), web.command());
        assertEquals(Map.of("tier", "front", "flag", ""), web.labels());
        assertEquals(new Healthcheck(List.of("CMD-SHELL", "wget -q localhost"), null, null, 2, null, false), web.healthcheck());
        assertEquals(3, web.replicas());
        assertNull(web.rollout());
        assertEquals(UpdateConfig.DEFAULTS, web.update());
        ComposeService off = parse("services: {web: {image: a, healthcheck: {disable: true}}}", "shop", Map.of()).service("web");
        assertTrue(off.healthcheck().disabled());
    }

    @Test
    public void anUnsetVariableAndAnObsoleteVersionAreWarningsNotErrors() throws IOException {
        ComposeProject p = parse("version: '3.9'\nservices: {web: {image: \"a:${UNSET}\"}}", "shop", Map.of());
        assertEquals("a:", p.service("web").image());
        assertEquals(List.of("version: is obsolete and ignored, as the Compose specification says; remove it",
                "services.web.image: variable UNSET is not set, defaulting to a blank string"), p.warnings());
    }

    private ComposeProject parse(String yaml, String project, Map<String, String> env) throws IOException {
        return ComposeLoader.parse(yaml, "compose.yaml", tmp.getRoot().toPath(), project, Map.of(), env);
    }
}
