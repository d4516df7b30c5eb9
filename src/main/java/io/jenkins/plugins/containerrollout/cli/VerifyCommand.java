package io.jenkins.plugins.containerrollout.cli;

import io.jenkins.plugins.containerrollout.core.deploy.AppDeployer;
import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.core.deploy.AppStatus;
import io.jenkins.plugins.containerrollout.core.deploy.RollbackRequest;
import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import io.jenkins.plugins.containerrollout.core.rollback.VerifyAndRollback;
import io.jenkins.plugins.containerrollout.core.verify.Check;
import io.jenkins.plugins.containerrollout.core.verify.ExecCheck;
import io.jenkins.plugins.containerrollout.core.verify.HealthCheck;
import io.jenkins.plugins.containerrollout.core.verify.HttpCheck;
import io.jenkins.plugins.containerrollout.core.verify.MetricsCheck;
import io.jenkins.plugins.containerrollout.core.verify.OnFailure;
import io.jenkins.plugins.containerrollout.core.verify.SmokeTestCheck;
import io.jenkins.plugins.containerrollout.core.verify.SuccessRateCheck;
import io.jenkins.plugins.containerrollout.core.verify.SwarmChecks;
import io.jenkins.plugins.containerrollout.core.verify.Verifier;
import io.jenkins.plugins.containerrollout.core.verify.VerifyRequest;
import io.jenkins.plugins.containerrollout.core.RequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code container-rollout verify}: the CLI face of {@code containerVerify}. Runs HTTP probes, a success-rate
 * analysis, the replicas' health, commands inside them and a smoke-test image against the application's serving
 * replicas, and with {@code --on-failure rollback} rolls it back when a check fails. Prints the verification (and the
 * rollback's record) as JSON; exits 1 when verification failed, whatever {@code --on-failure} says.
 *
 * <p>Usage: {@code container-rollout verify --app web --http '{endpoint}/health' --health --on-failure rollback}
 */
public final class VerifyCommand implements Command {
    /** Compiled when a verify parses --http, not when --help builds the command table (#17). */
    private static final class Expected {
        /** {@code URL=200} or {@code URL=200,204}: the statuses after the last {@code =}; a query's {@code =} stays in the URL. */
        static final Pattern PATTERN = Pattern.compile("^(.+)=(\\d{3}(?:,\\d{3})*)$");
    }

    private static final Option[] OWN = {
        EngineOptions.APP,
        Option.value("--endpoint", "URL", "base URL of a replica, what {endpoint} stands for (default: every serving"
                + " replica of the app, http://127.0.0.1:PORT)").multiple(),
        Option.value("--http", "URL[=STATUS]", "GET must answer STATUS (default 200; several as 200,204);"
                + " {endpoint}/path probes every replica").multiple(),
        Option.value("--retries", "N", "extra attempts of each --http probe, a second apart (default 0)"),
        Option.value("--success-rate", "URL", "send --requests requests at --rate per second and judge the answers"),
        Option.value("--requests", "N", "with --success-rate: how many requests (default 50)"),
        Option.value("--rate", "R", "with --success-rate: requests per second (default 10)"),
        Option.value("--min-success", "RATIO", "with --success-rate: share of 2xx/3xx answers required (default 0.99)"),
        Option.value("--max-p95", "MILLIS", "with --success-rate: p95 latency bound (default: none)"),
        Option.flag("--health", "every desired replica runs and is healthy (HEALTHCHECK, else running)"),
        Option.value("--exec", "CMD", "run CMD in every running replica; must exit 0 (split on spaces, no shell:"
                + " use 'sh -c ...' for one)").multiple(),
        Option.value("--smoke-image", "IMAGE", "run a test image with TARGET_URL set; it must exit 0 and its JUnit XML"
                + " must show no failure"),
        Option.value("--reports", "PATH", "with --smoke-image: JUnit XML inside it: a file, a directory or"
                + " /dir/*.xml (default /reports)"),
        Option.value("--smoke-env", "K=V", "with --smoke-image: environment of the test container (values never"
                + " printed)").multiple(),
        Option.value("--smoke-target", "URL", "with --smoke-image: TARGET_URL (default {endpoint})"),
        Option.value("--smoke-timeout", "SECONDS", "with --smoke-image: bound on the test run (default 300)"),
        Option.value("--checks", "FILE", "a JSON array of checks as containerVerify takes them, run after the"
                + " others, e.g. [{\"type\": \"metrics\", \"url\": \"http://127.0.0.1:9090\", \"query\": \"...\","
                + " \"maxValue\": 0.05}]"),
        Option.value("--allow-host", "HOST", "a non-loopback host probes may reach (probes and Prometheus)").multiple(),
        Option.value("--on-failure", "ACTION", "rollback (to the previous revision, then exit 1), fail (default) or"
                + " unstable; the exit code is 1 on failure either way"),
        Option.flag("--fail-fast", "skip the remaining checks after the first failure"),
        EngineOptions.DOCKER_HOST,
        EngineOptions.TARGET,
    };
    private static final Options OPTIONS = Options.of(OWN, RolloutOptions.STRATEGY, RolloutOptions.PROBE,
            EngineOptions.ROUTER, RunReport.OPTIONS);

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "Verify a running application; exit 1 when a check failed; --on-failure rollback rolls it back"
                + " (shaped by the strategy, probe and router options).";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public Object run(ParsedOptions o, Terminal terminal) throws Exception {
        String app = EngineOptions.app(o);
        o.requireWith("--success-rate", "--requests", "--rate", "--min-success", "--max-p95");
        o.requireWith("--smoke-image", "--reports", "--smoke-env", "--smoke-target", "--smoke-timeout");
        OnFailure onFailure = UsageException.check(() -> OnFailure.parse(o.value("--on-failure")));
        // every check option is validated before the engine is asked anything; --health gets the replica count below
        List<Check> checks = checks(o, app, 1);
        Optional<Integer> unsupported = EngineOptions.swarm(o) ? SwarmChecks.firstUnsupported(checks)
                : Optional.empty();
        if (unsupported.isPresent()) {
            // --health and --exec would see only containers on this engine; each check's option is named for its type
            throw new UsageException(SwarmChecks.refusal("--" + checks.get(unsupported.get()).type(), "--target swarm",
                    "--http, or read 'status' for the tasks' health"));
        }
        RollbackRequest rollback = RollbackCommand.request(o, terminal);
        DockerHost host = rollback.host();
        Verifier verifier = UsageException.check(() -> new Verifier(host));
        EngineOptions.requireTargetSupports(o, rollback.strategy());
        try (AppDeployer deployer = EngineOptions.deployer(o, host)) {
            List<String> endpoints = o.values("--endpoint");
            // a metrics check's {{revision}} is the app's revision, read from the engine as containerVerify does
            boolean metrics = checks.stream().anyMatch(c -> c instanceof MetricsCheck);
            int revision = 0;
            if (endpoints.isEmpty() || o.flag("--health") || metrics) {
                AppStatus status = deployer.status(app);
                revision = status.targetRevision();
                if (endpoints.isEmpty()) {
                    endpoints = status.servingPorts().stream().map(p -> "http://127.0.0.1:" + p).toList();
                }
                if (o.flag("--health")) {
                    checks = checks(o, app, Math.max(1, status.desiredReplicas()));
                }
            }
            List<String> base = endpoints;
            List<Check> all = checks;
            int verified = revision;
            VerifyRequest request = UsageException.check(() -> new VerifyRequest(app, base, o.values("--allow-host"),
                    all, onFailure, o.flag("--fail-fast")).forRevision(verified));
            VerifyAndRollback.Result result = new VerifyAndRollback(verifier, deployer)
                    .run(request, rollback, terminal.err()::println);
            List<ReportEntry> entries = new ArrayList<>(List.of(new ReportEntry.Verification(result.verification())));
            if (result.rollback() != null) {
                entries.add(new ReportEntry.Rollout(result.rollback()));
            }
            return CommandResult.of(result, entries, result.verification().passed() ? null : result.summary());
        }
    }

    /** The checks, in the order the help lists them; each validates its own arguments (usage errors). */
    static List<Check> checks(ParsedOptions o, String app, int desired) throws UsageException {
        List<Check> checks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int retries = o.nonNegative("--retries", 0);
        for (String spec : o.values("--http")) {
            Matcher m = Expected.PATTERN.matcher(spec);
            String url = m.matches() ? m.group(1) : spec;
            List<Integer> statuses = m.matches() ? Arrays.stream(m.group(2).split(",")).map(Integer::valueOf).toList() : null;
            String name = unique(names, url);
            checks.add(UsageException.check(() -> new HttpCheck(name, null, url, statuses, null, null, null, null, 0,
                    retries, 0, 0, 0)));
        }
        if (o.flag("--success-rate")) {
            int requests = o.positiveInt("--requests", 50);
            double rate = o.decimal("--rate", 10, 0.1, 1000);
            double min = o.decimal("--min-success", 0.99, 0.01, 1);
            long p95 = o.nonNegative("--max-p95", 0);
            checks.add(UsageException.check(() -> new SuccessRateCheck("successRate", o.value("--success-rate"), requests,
                    rate, min, p95, 0)));
        }
        String replicas = AppLabels.APP + "=" + app + "," + AppLabels.ROLE + "=" + AppLabels.ROLE_REPLICA;
        if (o.flag("--health")) {
            checks.add(UsageException.check(() -> new HealthCheck("health", replicas, 0, desired, 0)));
        }
        for (String command : o.values("--exec")) {
            List<String> argv = List.of(command.trim().split("\\s+"));
            String name = unique(names, "exec " + command.trim());
            checks.add(UsageException.check(() -> new ExecCheck(name, replicas, argv, true, 0)));
        }
        if (o.flag("--smoke-image")) {
            long timeout = o.positiveInt("--smoke-timeout", 300) * 1000L;
            Map<String, String> env = o.pairs("--smoke-env");
            checks.add(UsageException.check(() -> new SmokeTestCheck("smokeTest", o.value("--smoke-image"), null, env,
                    o.value("--smoke-target"), o.value("--reports"), timeout)));
        }
        if (o.value("--checks") != null) {
            checks.addAll(fromFile(o.value("--checks")));
        }
        if (checks.isEmpty()) {
            throw new UsageException("no check given; use --http, --success-rate, --health, --exec, --smoke-image"
                    + " or --checks");
        }
        return checks;
    }

    /** The checks of a {@code --checks} file; a file that is missing or not such JSON is a usage error naming it. */
    private static List<Check> fromFile(String file) throws UsageException {
        String json;
        try {
            json = Files.readString(Path.of(file));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UsageException("--checks " + file + ": cannot be read (" + e.getMessage() + "); give a JSON file");
        }
        try {
            return VerifyRequest.checksFromJson(json);
        } catch (RequestException e) {
            throw new UsageException("--checks " + file + ": " + e.getMessage());
        }
    }

    /** Check names must differ; the same URL given twice gets a counter. */
    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + " #" + i;
        }
        return candidate;
    }
}
