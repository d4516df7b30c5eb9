package io.jenkins.plugins.containerrollout.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.LockOwner;
import io.jenkins.plugins.containerrollout.core.deploy.StackRevision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stack's revisions on a swarm, as Swarm <em>configs</em> named {@code <project>.stack<n>} carrying the labels of
 * {@link StackRevision#labels()} (the same as the Docker host's marker containers). A config lives in the managers'
 * store, not with any service, so removing a service leaves its stack's history, and any later process reads it from
 * the engine alone ({@code docker config ls --filter label=io.jenkins.containerrollout.project=shop}). Configs are
 * immutable and their names unique: two deploys recording the same stack revision at once make the second one fail
 * instead of overwriting the first. The config's data is the services as JSON, for {@code docker config inspect}.
 */
final class SwarmStacks {
    private final SwarmApi api;

    SwarmStacks(SwarmApi api) {
        this.api = api;
    }

    /** Kept revisions of {@code project}, oldest first. */
    List<StackRevision> history(String project) {
        return api.configs(AppLabels.PROJECT, project).stream().map(SwarmStacks::labels).map(StackRevision::fromLabels)
                .filter(Objects::nonNull).sorted(Comparator.comparingInt(StackRevision::number)).toList();
    }

    /** Keeps {@code revision}, then removes the project's revisions older than the last {@link StackRevision#KEPT}. */
    void write(StackRevision revision) {
        String name = AppLabels.stackName(revision.project(), revision.number());
        try {
            api.createConfig(name, revision.labels(), revision.servicesJson().getBytes(StandardCharsets.UTF_8));
        } catch (SwarmException e) {
            if (e.status() == 409) {
                throw new RequestException("project: stack revision " + revision.number() + " of '"
                        + revision.project() + "' was recorded by another deploy at the same time (config " + name
                        + " exists); check history --project " + revision.project() + " and deploy again", e);
            }
            throw e;
        }
        for (JsonNode config : api.configs(AppLabels.PROJECT, revision.project())) {
            StackRevision kept = StackRevision.fromLabels(labels(config));
            if (kept != null && kept.number() <= revision.number() - StackRevision.KEPT) {
                api.removeConfig(config.path("ID").asText());
            }
        }
    }

    /**
     * Takes the lock of stack {@code project}: a config {@code <project>.stack.lock} (the managers refuse a second config
     * of a name, which makes taking it atomic), labelled with its owner; taken over when abandoned
     * ({@link LockOwner#stale}: an hour old, or its owner process on this host gone).
     *
     * @throws io.jenkins.plugins.containerrollout.core.deploy.RolloutLockedException another stack command holds it
     */
    AppDeployer.StackLock lock(String project) {
        String name = project + ".stack.lock";
        Map<String, String> labels = Map.of(AppLabels.ROLE, AppLabels.ROLE_LOCK, AppLabels.OWNER, LockOwner.current(),
                AppLabels.CREATED, String.valueOf(System.currentTimeMillis()));
        for (int attempt = 0; ; attempt++) {
            try {
                api.createConfig(name, labels, new byte[] {'l'});
                return () -> api.configsNamed(name).forEach(c -> api.removeConfig(c.path("ID").asText()));
            } catch (SwarmException e) {
                if (e.status() != 409) {
                    throw e;
                }
                List<JsonNode> held = api.configsNamed(name);
                Map<String, String> holder = held.isEmpty() ? Map.of() : labels(held.get(0));
                if (attempt < 3 && (held.isEmpty() || LockOwner.stale(holder, Duration.ofHours(1)))) {
                    held.forEach(c -> api.removeConfig(c.path("ID").asText()));
                    continue;
                }
                throw LockOwner.held("stack '" + project + "'", holder, "config " + name);
            }
        }
    }

    private static Map<String, String> labels(JsonNode config) {
        return SwarmApi.JSON.convertValue(config.path("Spec").path("Labels"),
                SwarmApi.JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
