package io.jenkins.plugins.containerrollout.core.swarm;

import io.jenkins.plugins.containerrollout.core.RequestException;

/**
 * Refuses, before anything changes, an image the Swarm target cannot probe: one with no HEALTHCHECK of its own and no
 * {@code /bin/sh}. A task's readiness can only be told on its node, so for such an image the task runs our HEALTHCHECK
 * ({@code /bin/sh -c 'wget ... $PORT<healthPath>'}); without a shell every check would fail with the engine's
 * {@code exec: "/bin/sh": no such file or directory} and the rollout could never succeed. An image with its own
 * HEALTHCHECK needs no shell: {@code PORT} is in the task's environment, which the HEALTHCHECK sees.
 */
final class ShellCheck {
    static final String SHELL = "/bin/sh";

    private ShellCheck() {
    }

    static void require(SwarmApi api, String imageId, String ref) {
        if (!api.imageHasPath(imageId, SHELL)) {
            throw new RequestException(message(ref));
        }
    }

    static String message(String ref) {
        return "image: '" + ref + "' has no HEALTHCHECK and no " + SHELL + "; on swarm the readiness probe of "
                + "healthPath runs inside each task as '" + SHELL + " -c wget ...', so such an image cannot run there. "
                + "Give the image a HEALTHCHECK (it sees PORT in its environment, e.g. HEALTHCHECK CMD "
                + "[\"/app\", \"--check\"]), or use an image with " + SHELL + " and wget";
    }
}
