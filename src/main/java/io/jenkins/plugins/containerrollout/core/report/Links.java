package io.jenkins.plugins.containerrollout.core.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links out of the report, made only where a plain, credential-free URL can be formed: the build's console, the
 * commit on its Git host, the image's page in its registry. Anything else gives no link (the text stays). Every URL
 * is checked here and escaped where it is written; a URL with user info is never rendered.
 *
 * <p>Usage: {@code Links.commit("https://github.com/org/app.git", sha).ifPresent(url -> ...)}
 */
public final class Links {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");
    /** A repository path on a Git host: at least owner and name, nothing a URL could hide behind. */
    private static final Pattern REPO_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+){2,}/?");
    private static final Pattern IMAGE = Pattern.compile(
            "(?:(?<host>[a-z0-9.-]+(?::\\d+)?)/)?(?<repo>[a-z0-9._-]+(?:/[a-z0-9._-]+)*)(?::[\\w.-]+)?(?:@sha256:[0-9a-f]+)?");

    private Links() {
    }

    /** {@code <build URL>console}, for an http(s) build URL without credentials. */
    static Optional<String> console(String buildUrl) {
        return plain(buildUrl, true).map(u -> u + (u.endsWith("/") ? "" : "/") + "console");
    }

    /**
     * The build URL itself when it is a plain http(s) URL without credentials: what the build page may link to (a
     * promoted rollout's summary links the build that started it).
     */
    public static Optional<String> build(String buildUrl) {
        return plain(buildUrl, true);
    }

    /**
     * {@code <remote>/commit/<sha>} for an https remote of a GitHub- or GitLab-style host ({@code .git} dropped), a
     * full or abbreviated hexadecimal commit; nothing for SSH remotes, paths or URLs with user info.
     */
    static Optional<String> commit(String remoteUrl, String sha) {
        if (sha == null || !SHA.matcher(sha).matches()) {
            return Optional.empty();
        }
        return plain(remoteUrl, false).filter(u -> REPO_PATH.matcher(URI.create(u).getPath()).matches())
                .map(u -> u.replaceAll("/$", "").replaceAll("\\.git$", "") + "/commit/" + sha.toLowerCase(Locale.ROOT));
    }

    /**
     * The image's page: Docker Hub ({@code hub.docker.com}), Quay and GHCR, the registries whose https pages are
     * known. A private registry ({@code 127.0.0.1:5000/app}) has no page a browser could open, so no link.
     */
    static Optional<String> image(String reference) {
        var m = reference == null ? null : IMAGE.matcher(reference);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String host = m.group("host");
        String repo = m.group("repo");
        if (host != null && !host.contains(".") && !host.contains(":") && !host.equals("localhost")) {
            repo = host + "/" + repo; // "org/app": the first part is a Docker Hub namespace, not a host
            host = null;
        }
        if (host == null || host.equals("docker.io") || host.equals("index.docker.io")) {
            return Optional.of(repo.startsWith("library/") || !repo.contains("/")
                    ? "https://hub.docker.com/_/" + repo.substring(repo.indexOf('/') + 1)
                    : "https://hub.docker.com/r/" + repo);
        }
        if (host.equals("quay.io")) {
            return Optional.of("https://quay.io/repository/" + repo);
        }
        if (host.equals("ghcr.io")) {
            return Optional.of("https://ghcr.io/" + repo); // GitHub redirects it to the package's page
        }
        return Optional.empty();
    }

    /** The URL itself when it is absolute https (or http, if allowed), with a host, no user info, query or fragment. */
    private static Optional<String> plain(String url, boolean allowHttp) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("https") || allowHttp && scheme.equals("http")) && u.getHost() != null
                    && u.getRawUserInfo() == null && u.getRawQuery() == null && u.getRawFragment() == null
                    && !u.getRawAuthority().contains("@");
            return ok ? Optional.of(u.toString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The fact "deployed by" of a record: its build's console. A record's build is the one that deployed its target
     * revision (for a rollback, the restored revision's, an older build), so the text says which revision.
     */
    static void deployedBy(Facts facts, String buildUrl, int revision) {
        console(buildUrl).ifPresent(url -> facts.addMarkup("deployed by",
                anchor(url, "console of the build that deployed revision " + revision)));
    }

    /**
     * An anchor to {@code url} around {@code text}, both escaped; it opens a new tab (a framed report cannot show a
     * site that forbids framing), with no referrer and no handle back to the Jenkins page.
     */
    static String anchor(String url, String text) {
        return "<a href=\"" + Html.attr(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + Html.text(text)
                + "</a>";
    }
}
