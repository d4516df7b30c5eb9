package io.jenkins.plugins.containerrollout.core.deploy.docker;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Clients of the router: back-to-back {@code GET /version} on its frontend, every answer kept in order. */
final class FrontendSampler implements AutoCloseable {
    private final int port;
    private final Thread thread;
    private final List<String> answers = new ArrayList<>();
    private volatile boolean running = true;

    FrontendSampler(int port) {
        this.port = port;
        this.thread = new Thread(this::loop, "frontend-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            HttpResponse<String> r = DeployFixture.get(port, "/version");
            String answer = r == null ? "no answer" : r.statusCode() == 200 ? r.body().trim() : "HTTP " + r.statusCode();
            synchronized (answers) {
                answers.add(answer);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Every answer so far, in order: a version, {@code HTTP 503}, or {@code no answer}. */
    List<String> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
