package io.jenkins.plugins.containerrollout.core.image;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code containerBuild} needs: what to build, how to tag it and where to push it. Built by the Pipeline
 * step and by the CLI alike; serializable so it can travel to a Jenkins agent.
 *
 * <p>Usage: {@code new BuildRequest(host, "/src/app", null, List.of("127.0.0.1:5000/app:1"), Map.of(), null,
 * Map.of(), false, false, true, null, null, Duration.ofMinutes(30))}
 *
 * @param host        the engine that builds
 * @param context     context directory (absolute path)
 * @param dockerfile  Dockerfile path: relative to {@code context}, or absolute (may lie outside the context); null for
 *                    {@code context/Dockerfile}
 * @param tags        image references to tag (at least one), e.g. {@code 127.0.0.1:5000/app:1.0}
 * @param buildArgs   {@code --build-arg} values
 * @param target      multi-stage target, or null
 * @param labels      extra labels; OCI labels are added on top
 * @param noCache     build without cache
 * @param pull        always try to pull newer base images
 * @param push        push every tag after a successful build
 * @param version     value of {@code org.opencontainers.image.version}, or null
 * @param credentials registry login for push (and pulls of private bases), or null
 * @param timeout     bound on the whole build and push
 */
public record BuildRequest(
        DockerHost host,
        String context,
        String dockerfile,
        List<String> tags,
        Map<String, String> buildArgs,
        String target,
        Map<String, String> labels,
        boolean noCache,
        boolean pull,
        boolean push,
        String version,
        RegistryCredentials credentials,
        Duration timeout) implements Serializable {

    public BuildRequest {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
    }
}
