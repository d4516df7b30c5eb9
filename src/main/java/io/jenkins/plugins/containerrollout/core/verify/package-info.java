/**
 * {@code containerVerify}'s core: HTTP probes, traffic analysis (success rate and latency), container health, exec
 * checks and smoke-test containers, run by {@link io.jenkins.plugins.containerrollout.core.verify.Verifier} into a
 * {@link io.jenkins.plugins.containerrollout.core.verify.VerificationResult} that carries measured evidence per check.
 * Requests are validated when built, so a bad check fails before anything runs.
 *
 * <p>A request as a Pipeline map or CLI JSON ({@link io.jenkins.plugins.containerrollout.core.verify.VerifyRequest#fromMap}):
 * <pre>{@code
 * {"name": "web", "endpoints": ["http://127.0.0.1:30001", "http://127.0.0.1:30002"], "onFailure": "rollback",
 *  "checks": [
 *    {"type": "http", "url": "{endpoint}/health", "retries": 5, "intervalMillis": 1000, "maxP95Millis": 200},
 *    {"type": "http", "name": "version", "url": "{endpoint}/info", "jsonPath": "build.version", "jsonValue": "42"},
 *    {"type": "successRate", "url": "{endpoint}/", "requests": 200, "ratePerSecond": 50, "minSuccessRatio": 0.99},
 *    {"type": "health", "labels": "io.jenkins.containerrollout.app=web", "minContainers": 2, "minReadySeconds": 5},
 *    {"type": "exec", "labels": "io.jenkins.containerrollout.app=web", "command": ["test", "-f", "/ready"], "all": true},
 *    {"type": "smokeTest", "image": "shop-e2e:42", "reportPath": "/reports/*.xml", "timeoutMillis": 300000}]}
 * }</pre>
 */
package io.jenkins.plugins.containerrollout.core.verify;
