package io.jenkins.plugins.containerrollout.model;

import hudson.model.Api;
import hudson.model.Run;
import io.jenkins.plugins.containerrollout.core.report.DeliveryReport;
import io.jenkins.plugins.containerrollout.core.report.HtmlReport;
import io.jenkins.plugins.containerrollout.core.report.ReportEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The rollouts of one build: what the container steps recorded (image builds, deploys, rollbacks, verifications,
 * test results). {@code build.xml} keeps one {@link RolloutSummary} per entry; the full entries live in
 * {@code container-rollout/entries.json} beside it ({@link EntryStore}), read only when the report is opened. Shown
 * as a summary on the build page, as the full report at {@code <build>/rollout/} (framed from
 * {@code <build>/rollout/report}), and exported at {@code <build>/rollout/api/json}.
 *
 * <p>Usage: {@code RolloutAction.record(build, new ReportEntry.Rollout(record));}
 */
@ExportedBean
public class RolloutAction implements RunAction2 {
    /**
     * The report's Content-Security-Policy header: a sandbox (no script, an origin of its own, as core's
     * {@code DirectoryBrowserSupport} gives user content) and the same policy the document carries in its own meta tag.
     * Popups are allowed, and escape the sandbox: the report's links out (the build's console, the commit) open in a
     * new tab as ordinary pages, where a framed navigation would be refused by sites that forbid framing.
     */
    public static final String REPORT_POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none';"
            + " style-src 'unsafe-inline'; img-src data:";

    /** Where the action lives under the build URL. */
    public static final String URL_NAME = "rollout";

    /** Makes "look for the action, else attach one" atomic across builds without locking any build. */
    private static final Object ATTACHING = new Object();

    // Replaced (copy on write) under the action's lock, read by XStream in Run.save() without it: volatile publishes
    // each complete list.
    private volatile List<RolloutSummary> summaries = new ArrayList<>();

    // Re-set in onAttached/onLoad: XStream never writes the owner (a build cannot be serialized into itself).
    private transient Run<?, ?> owner;
    private transient EntryStore store;

    /**
     * Adds {@code entry} to the build's action, creating and attaching the action when the build has none, and saves
     * the build so the summary is in {@code build.xml} before the step returns.
     */
    public static void record(Run<?, ?> run, ReportEntry entry) throws IOException {
        // Never under the build's own monitor: Run.save() is synchronized and workflow-job's WorkflowRun.save() writes
        // build.xml inside synchronized (this), so rewriting the entries file under it would stall every save of the
        // build for as long as the write takes (RecordLockingTest). The entry is written under the action's lock;
        // parallel branches recording into one build still get one action, entries in arrival order.
        RolloutAction action = run.getAction(RolloutAction.class);
        if (action == null) {
            synchronized (ATTACHING) { // held only to look and attach, no I/O
                action = run.getAction(RolloutAction.class);
                if (action == null) {
                    action = new RolloutAction();
                    run.addAction(action); // calls onAttached, which sets the owner and the store
                }
            }
        }
        action.add(entry);
        JobScans.recorded(run);
        run.save();
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        attach(run, run.getRootDir());
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        attach(run, run.getRootDir());
    }

    /** Owner and build folder; split from {@link #onLoad} so tests can give a folder without a build. */
    final void attach(Run<?, ?> run, File buildDir) {
        attach(run, new EntryStore(buildDir));
    }

    final void attach(Run<?, ?> run, EntryStore entries) {
        this.owner = run;
        this.store = entries;
    }

    /**
     * Writes the full entry beside build.xml and appends its summary; or, when the entry continues a paused rollout
     * this build recorded ({@link Summaries#continued}), puts it in place of that entry, so the build shows the
     * rollout once, from its start to how it ended. The caller saves the build.
     */
    final synchronized void add(ReportEntry entry) throws IOException {
        if (store == null) {
            throw new IllegalStateException("the rollout action is not attached to a build yet");
        }
        List<RolloutSummary> updated = new ArrayList<>(summaries);
        int paused = Summaries.continued(updated, entry);
        long now = System.currentTimeMillis();
        RolloutSummary summary;
        if (paused >= 0) {
            int index = updated.get(paused).entryIndex;
            store.replace(index, entry);
            summary = Summaries.append(updated.subList(0, paused), entry, index, now);
            updated.set(paused, summary);
        } else {
            summary = Summaries.append(updated, entry, store.append(entry), now);
            updated.add(summary);
        }
        summary.startedBy = Summaries.startedElsewhere(entry, owner == null ? null : owner.getUrl());
        summaries = updated;
    }

    /** Defaults for what an older build.xml lacks. */
    protected Object readResolve() {
        if (summaries == null) {
            summaries = new ArrayList<>();
        }
        return this;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "Rollouts";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Serves {@code <build>/rollout/api/json} (and {@code /xml}) from the {@code @Exported} getters. */
    public Api getApi() {
        return new Api(this);
    }

    /** The build this action belongs to (for the side panel of the report page); null before it is attached. */
    public Run<?, ?> getOwner() {
        return owner;
    }

    /** Every recorded entry's summary, in order. */
    @Exported
    public List<RolloutSummary> getSummaries() {
        return List.copyOf(summaries);
    }

    /** Only deploys and rollbacks: the lines of the build page summary. */
    public List<RolloutSummary> getRollouts() {
        return summaries.stream().filter(RolloutSummary::isRollout).toList();
    }

    /** Deploys and rollbacks recorded. */
    @Exported
    public int getRolloutCount() {
        return getRollouts().size();
    }

    /** Whether any deploy of this build was a failed change (failed, rolled back, or failed its verification). */
    @Exported
    public boolean isChangeFailed() {
        return summaries.stream().anyMatch(s -> RolloutSummary.DEPLOY.equals(s.kind) && s.failed
                || RolloutSummary.ROLLBACK.equals(s.kind));
    }

    /** Test cases passed over all verifications and test results. */
    @Exported
    public int getTestsPassed() {
        return summaries.stream().mapToInt(s -> s.testsPassed).sum();
    }

    /** Test cases failed (failures and errors) over all verifications and test results. */
    @Exported
    public int getTestsFailed() {
        return summaries.stream().mapToInt(s -> s.testsFailed).sum();
    }

    /** The full entries, read from the file beside build.xml on first use. */
    public List<ReportEntry> entries() throws IOException {
        return store == null ? List.of() : store.entries();
    }

    /**
     * The complete report page, the same document the CLI writes, with every user-controlled string escaped by our
     * renderer; {@link #doReport} serves it.
     */
    public String getReportHtml() throws IOException {
        String title = owner == null ? "Delivery report" : owner.getFullDisplayName();
        return HtmlReport.render(DeliveryReport.of(title, entries()));
    }

    /**
     * Serves the report alone at {@code <build>/rollout/report}, for the {@code iframe} of {@code index.jelly}. Its own
     * URL, not an {@code iframe srcdoc}: a srcdoc document resolves links against the page around it, so the report's
     * table of contents ({@code #e1}...) would navigate the frame to the Jenkins page instead of the heading. Sent with
     * {@link #REPORT_POLICY} under the three header names core's {@code DirectoryBrowserSupport} uses for user content.
     * A plain servlet response parameter makes this a web method: Stapler's {@code Function} binds it, and core's
     * {@code DoActionFilter} routes {@code do*} methods that take one.
     */
    public void doReport(HttpServletResponse rsp) throws IOException {
        byte[] html = getReportHtml().getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("text/html;charset=UTF-8");
        for (String header : List.of("Content-Security-Policy", "X-WebKit-CSP", "X-Content-Security-Policy")) {
            rsp.setHeader(header, REPORT_POLICY);
        }
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setContentLength(html.length);
        rsp.getOutputStream().write(html);
    }
}
