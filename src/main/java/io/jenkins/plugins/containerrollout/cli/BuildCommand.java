package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.RequestException;
import io.jenkins.plugins.containerrollout.core.image.BuildRequest;
import io.jenkins.plugins.containerrollout.core.image.BuildResult;
import io.jenkins.plugins.containerrollout.core.image.ImageBuilder;
import io.jenkins.plugins.containerrollout.core.image.ImageReference;
import io.jenkins.plugins.containerrollout.core.image.RegistryCredentials;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code container-rollout build}: the CLI face of {@code containerBuild}. Builds an image from a context directory,
 * tags it, optionally pushes it, and prints the {@code BuildResult} as JSON. The registry password comes only from
 * {@code REGISTRY_PASSWORD} or stdin ({@code --password-stdin}), never from an argument.
 *
 * <p>Usage: {@code container-rollout build --context . --tag 127.0.0.1:5000/app:1 --push}
 */
public final class BuildCommand implements Command {
    private static final Option[] OWN = {
            Option.value("--context", "DIR", "build context directory").mandatory(),
            Option.value("--dockerfile", "PATH", "Dockerfile, relative to the current directory like docker build -f"
                    + " (default: DIR/Dockerfile)"),
            Option.value("--tag", "NAME:TAG", "image reference to tag (and push)").mandatory().multiple(),
            Option.value("--build-arg", "K=V", "build argument").multiple(),
            Option.value("--target", "STAGE", "multi-stage target to build"),
            Option.value("--label", "K=V", "image label; overrides the OCI labels added automatically").multiple(),
            Option.value("--version", "V", "value of the org.opencontainers.image.version label"),
            Option.flag("--no-cache", "do not use the build cache"),
            Option.flag("--pull", "always try to pull newer base images"),
            Option.flag("--push", "push every tag after the build"),
            PasswordSource.USERNAME,
            PasswordSource.STDIN,
            EngineOptions.DOCKER_HOST,
            Option.value("--timeout", "SECONDS", "bound on build and push (default: "
                    + ImageBuilder.DEFAULT_TIMEOUT.toSeconds() + ")"),
            PasswordSource.REFUSED[0],
            PasswordSource.REFUSED[1]};
    private static final Options OPTIONS = Options.of(OWN, RunReport.OPTIONS);

    @Override
    public String name() {
        return "build";
    }

    @Override
    public String summary() {
        return "Build an image from a context directory, tag it and optionally push it.";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        BuildRequest request = request(o, terminal);
        BuildResult result = new ImageBuilder(request.host()).build(request, terminal.err()::println);
        return CommandResult.of(result, List.of(new ReportEntry.Build(request.tags().get(0), result)), null);
    }

    /** Maps the options to the same request the Pipeline step builds. */
    static BuildRequest request(ParsedOptions o, Terminal terminal) throws UsageException, IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path context = cwd.resolve(o.value("--context")).normalize();
        if (!Files.isDirectory(context)) {
            throw new UsageException("--context: " + context + " is not a directory; give the directory to build from");
        }
        String dockerfile = o.value("--dockerfile");
        return new BuildRequest(
                EngineOptions.host(o, terminal),
                context.toString(),
                dockerfile == null ? null : cwd.resolve(dockerfile).normalize().toString(),
                tags(o.values("--tag")),
                o.pairs("--build-arg"),
                o.value("--target"),
                o.pairs("--label"),
                o.flag("--no-cache"),
                o.flag("--pull"),
                o.flag("--push"),
                o.value("--version"),
                PasswordSource.credentials(o.value("--registry-username"), o.flag("--password-stdin"), terminal),
                Duration.ofSeconds(o.positive("--timeout", ImageBuilder.DEFAULT_TIMEOUT.toSeconds())));
    }

    /** A malformed tag is a usage error (exit 2), caught before anything is sent to the engine. */
    private static List<String> tags(List<String> tags) throws UsageException {
        for (String tag : tags) {
            try {
                ImageReference.parse(tag);
            } catch (RequestException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return tags;
    }
}
