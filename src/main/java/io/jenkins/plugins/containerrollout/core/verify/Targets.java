package io.jenkins.plugins.containerrollout.core.verify;

import io.jenkins.plugins.containerrollout.core.RequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands URL templates over the application's endpoints and keeps probes on hosts we are allowed to hit: loopback,
 * or a host the caller configured. A check must never become a way to make the agent call arbitrary addresses.
 */
final class Targets {
    /** Replaced by each base URL the caller gave ({@code http://127.0.0.1:30001}). */
    static final String ENDPOINT = "{endpoint}";

    private final List<String> endpoints;
    private final List<String> allowedHosts;

    Targets(List<String> endpoints, List<String> allowedHosts) {
        this.endpoints = endpoints.stream().map(Targets::stripSlash).toList();
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Every URL a template stands for: one per endpoint when it uses {@code {endpoint}}, else itself. */
    List<URI> expand(String template, String what) {
        List<String> urls = new ArrayList<>();
        if (template.contains(ENDPOINT)) {
            Validation.require(!endpoints.isEmpty(), what + " '" + template + "' uses " + ENDPOINT
                    + " but no endpoints were given; pass the application's base URLs (endpoints) or write the full URL");
            endpoints.forEach(e -> urls.add(template.replace(ENDPOINT, e)));
        } else {
            urls.add(template);
        }
        return urls.stream().map(u -> check(u, what)).toList();
    }

    /** Validates one endpoint base URL. */
    void checkEndpoints() {
        endpoints.forEach(e -> check(e, "endpoints"));
    }

    private URI check(String url, String what) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RequestException(what + " '" + url + "' is not a URL (" + e.getReason()
                    + "); write it as http://127.0.0.1:PORT/path", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Validation.require(scheme.equals("http") || scheme.equals("https"), what + " '" + url
                + "' must be an http:// or https:// URL, e.g. http://127.0.0.1:PORT/health");
        Validation.require(uri.getHost() != null, what + " '" + url + "' has no host; write it as http://127.0.0.1:PORT/path");
        Validation.require(allowed(uri.getHost()), what + " '" + url + "' points at " + uri.getHost()
                + ", which is neither loopback nor an allowed host; use 127.0.0.1 or add the host to allowedHosts");
        return uri;
    }

    private boolean allowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(h) || h.equals("localhost")) {
            return true;
        }
        // only literal addresses are tested for loopback: resolving names here would itself reach out
        if (h.matches("[0-9.]+") || h.startsWith("[")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
