package io.jenkins.plugins.containerrollout.core.deploy;

/**
 * The label scheme that holds an application's whole state in the engine. Every container we create carries
 * {@link #APP} and {@link #ROLE}; the rest depends on the role:
 * <ul>
 *   <li>{@code replica} ({@code <app>.r<rev>.s<slot>}): {@link #REVISION}, {@link #SLOT}, {@link #PORT},
 *       {@link #SPEC_HASH}, {@link #IMAGE_ID}, and {@link #DIGEST}, {@link #BUILD_URL}, {@link #COMMIT} when known;</li>
 *   <li>{@code revision} ({@code <app>.rev<rev>}, created, never started; its image reference keeps the image from
 *       being pruned): {@link #REVISION}, {@link #SPEC} (the replica spec as JSON), {@link #SPEC_HASH}, {@link #IMAGE},
 *       {@link #IMAGE_ID}, {@link #DIGEST}, {@link #HEALTH_PATH}, {@link #ENGINE_HEALTH}, {@link #BUILD_URL},
 *       {@link #COMMIT}, {@link #CREATED};</li>
 *   <li>{@code state} ({@code <app>.state<seq>}, created, never started; the highest {@link #SEQ} wins, older ones are
 *       pruned): {@link #STABLE}, {@link #TARGET}, {@link #PHASE}, {@link #REPLICAS}, {@link #PORT_BASE}, and the router
 *       the application is behind, when it is ({@link #ROUTER}, {@link #ROUTER_SOCKET}, {@link #ROUTER_BACKEND},
 *       {@link #ROUTER_FRONTEND_PORT}, {@link #ROUTER_PREVIEW_PORT}: {@code RouterSettings}), so a later command that omits it
 *       keeps it in step; and {@link #PAUSED} while a rollout holds at a pause;</li>
 *   <li>{@code lock} ({@code <app>.lock}, created, never started): {@link #OWNER}, {@link #CREATED};</li>
 *   <li>{@code stack} ({@code <project>.stack<n>}, created, never started; carries {@link #PROJECT} instead of
 *       {@link #APP}, so removing an app leaves its stack's history): {@link #STACK_REVISION}, {@link #STACK} (the
 *       services and their app revisions as JSON), {@link #CREATED}.</li>
 * </ul>
 *
 * <p>Usage: {@code docker ps -a --filter label=io.jenkins.containerrollout.app=web}
 */
public final class AppLabels {
    private AppLabels() {
    }

    public static final String PREFIX = "io.jenkins.containerrollout.";
    public static final String APP = PREFIX + "app";
    public static final String ROLE = PREFIX + "role";
    public static final String REVISION = PREFIX + "revision";
    public static final String SLOT = PREFIX + "slot";
    public static final String PORT = PREFIX + "port";
    public static final String SPEC = PREFIX + "spec";
    public static final String SPEC_HASH = PREFIX + "spec-hash";
    public static final String IMAGE = PREFIX + "image";
    public static final String IMAGE_ID = PREFIX + "image-id";
    public static final String DIGEST = PREFIX + "digest";
    public static final String HEALTH_PATH = PREFIX + "health-path";
    public static final String ENGINE_HEALTH = PREFIX + "engine-health";
    public static final String BUILD_URL = PREFIX + "build-url";
    public static final String COMMIT = PREFIX + "commit";
    public static final String CREATED = PREFIX + "created";
    public static final String SEQ = PREFIX + "seq";
    public static final String STABLE = PREFIX + "stable";
    public static final String TARGET = PREFIX + "target";
    public static final String PHASE = PREFIX + "phase";
    public static final String REPLICAS = PREFIX + "replicas";
    public static final String PORT_BASE = PREFIX + "port-base";
    public static final String OWNER = PREFIX + "owner";
    public static final String ROUTER = PREFIX + "router";
    public static final String ROUTER_SOCKET = PREFIX + "router-socket";
    public static final String ROUTER_BACKEND = PREFIX + "router-backend";
    public static final String ROUTER_FRONTEND_PORT = PREFIX + "router-frontend-port";
    public static final String ROUTER_PREVIEW_PORT = PREFIX + "router-preview-port";
    /** A rollout that holds at a pause, encoded ({@code core.deploy.docker.PausedRollout}); absent when none. */
    public static final String PAUSED = PREFIX + "paused";

    public static final String ROLE_REPLICA = "replica";
    public static final String ROLE_REVISION = "revision";
    public static final String ROLE_STATE = "state";
    public static final String ROLE_LOCK = "lock";
    public static final String ROLE_STACK = "stack";
    public static final String PROJECT = PREFIX + "project";
    public static final String STACK_REVISION = PREFIX + "stack-revision";
    public static final String STACK = PREFIX + "stack";

    // container names of the scheme above; public because the Docker-host deployer (core.deploy.docker) writes them
    public static String replicaName(String app, int revision, int slot) {
        return app + ".r" + revision + ".s" + slot;
    }

    public static String revisionName(String app, int revision) {
        return app + ".rev" + revision;
    }

    public static String stateName(String app, long seq) {
        return app + ".state" + seq;
    }

    public static String lockName(String app) {
        return app + ".lock";
    }

    public static String stackName(String project, int revision) {
        return project + ".stack" + revision;
    }
}
