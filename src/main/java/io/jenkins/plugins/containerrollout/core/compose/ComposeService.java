package io.jenkins.plugins.containerrollout.core.compose;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One service of a Compose file after interpolation and validation: everything the stack deployer needs to deploy it
 * as the app {@link #app()}, in typed form. Lists and maps are never null (empty when the file says nothing).
 *
 * <p>Usage: {@code for (ComposeService s : project.services()) deploy(s.app(), s.image(), s.environment());}
 *
 * @param name          the key under {@code services:}
 * @param app           the app it becomes, {@code <project>-<service>}, checked by {@code core.deploy.AppName}
 * @param image         the image: the caller's ({@code images: [web: ...]}) or else the file's
 * @param entrypoint    entrypoint override, or null for the image's
 * @param command       command override, or null for the image's
 * @param environment   {@code env_file} entries overridden by {@code environment} entries, in that order
 * @param healthcheck   the healthcheck, or null for the image's
 * @param replicas      {@code deploy.replicas} (default 1)
 * @param memoryBytes   {@code deploy.resources.limits.memory}, 0 for none
 * @param nanoCpus      {@code deploy.resources.limits.cpus} in 10<sup>-9</sup> CPUs, 0 for none
 * @param update        {@code deploy.update_config}, or {@link UpdateConfig#DEFAULTS}
 * @param restart       {@code no}, {@code always}, {@code on-failure[:N]} or {@code unless-stopped}; null if unset
 * @param stopGraceSeconds {@code stop_grace_period} in whole seconds (rounded up): SIGTERM to SIGKILL; default 10
 * @param labels        container labels
 * @param volumes       mounts, in file order
 * @param networks      keys of top-level networks (or {@code default}); empty means the project's default network
 * @param ports         published ports, in file order
 * @param dependsOn     the services this one waits for, in file order
 * @param rollout       the {@code x-rollout:} override, or null
 */
public record ComposeService(
        String name,
        String app,
        String image,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        Healthcheck healthcheck,
        int replicas,
        long memoryBytes,
        long nanoCpus,
        UpdateConfig update,
        String restart,
        int stopGraceSeconds,
        Map<String, String> labels,
        List<Mount> volumes,
        List<String> networks,
        List<PortMapping> ports,
        List<Dependency> dependsOn,
        RolloutOverride rollout) implements Serializable {
}
