package io.jenkins.plugins.containerrollout.core.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The HTTP readiness probe: {@code GET http://127.0.0.1:PORT<path>} with a per-probe timeout. Loopback only, by
 * design: replicas use the host network and bind 127.0.0.1.
 *
 * <p>Usage: {@code ProbeResult r = new HttpProbe(settings).get(20001);}
 */
public final class HttpProbe {
    private final ProbeSettings settings;
    private final HttpClient http;

    public HttpProbe(ProbeSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * A probe over a client the caller owns and shares (a deployer probes every health path with one); the request
     * timeout bounds connecting too. The client must not follow redirects: a 3xx is an answer.
     */
    public HttpProbe(ProbeSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** Probes one port; never throws except for an interrupt, which it restores before returning. */
    public ProbeResult get(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + settings.path()))
                .timeout(settings.timeout()).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400 ? ProbeResult.ready(String.valueOf(status))
                    : ProbeResult.notReady(String.valueOf(status));
        } catch (IOException e) {
            return ProbeResult.noAnswer(NoAnswer.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.noAnswer("interrupted");
        }
    }
}
