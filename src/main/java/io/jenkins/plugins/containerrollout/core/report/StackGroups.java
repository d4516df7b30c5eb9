package io.jenkins.plugins.containerrollout.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which entries of a run are the app rollouts of one stack command: consecutive {@link ReportEntry.Rollout}s with an
 * equal {@link StackTag}, at most {@link StackTag#rollouts()} of them. The report shows each group under one stack
 * heading (project, stack revision from and to, outcome) with one lane group per service, services in the order the
 * command first touched them (deploy order; a failed deploy's own rollbacks join their service's lane). Entries without
 * a tag (single-app rollouts, run files written before stacks) are not grouped.
 *
 * <p>Usage: {@code StackGroups.Group g = StackGroups.of(entries).startingAt(i); if (g != null) StackGroups.open(out, g);}
 */
final class StackGroups {
    private final Map<Integer, Group> byFirst = new LinkedHashMap<>();

    private StackGroups(List<ReportEntry> entries) {
        int i = 0;
        while (i < entries.size()) {
            StackTag tag = tag(entries.get(i));
            if (tag == null) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < entries.size() && end - i < Math.max(1, tag.rollouts()) && tag.equals(tag(entries.get(end)))) {
                end++;
            }
            Map<String, List<Integer>> lanes = new LinkedHashMap<>();
            for (int j = i; j < end; j++) {
                lanes.computeIfAbsent(service(tag, entries.get(j)), k -> new ArrayList<>()).add(j);
            }
            byFirst.put(i, new Group(tag, i, end - 1, lanes));
            i = end;
        }
    }

    static StackGroups of(List<ReportEntry> entries) {
        return new StackGroups(entries);
    }

    /** The group whose first entry is at {@code index}, or null. */
    Group startingAt(int index) {
        return byFirst.get(index);
    }

    /**
     * One stack command's entries.
     *
     * @param stack the tag they share
     * @param first index of the first entry
     * @param last  index of the last entry
     * @param lanes service name to its entries' indexes, in run order; services in the order they first ran
     */
    record Group(StackTag stack, int first, int last, Map<String, List<Integer>> lanes) {
    }

    /** Opens the stack's section with its heading; {@link #openLane}, {@link #close} follow. */
    static void open(StringBuilder out, Group g) {
        StackTag s = g.stack();
        String id = "s" + g.first();
        String revisions = s.fromRevision() == s.toRevision() ? "stack revision " + s.toRevision() + " (unchanged)"
                : "stack revision " + (s.fromRevision() == 0 ? "none" : String.valueOf(s.fromRevision())) + " \u2192 "
                        + s.toRevision();
        out.append("<section class=\"stack\" aria-labelledby=\"").append(id).append("\"><header class=\"stack-head\"><h2 id=\"")
                .append(id).append("\">Stack ").append(Html.text(s.operation())).append(" of ")
                .append(Html.text(s.project())).append(": ").append(revisions).append("</h2>")
                .append(Badge.of(s.outcome())).append("</header>");
    }

    /** Opens the lane group of one service. */
    static void openLane(StringBuilder out, String service) {
        out.append("<div class=\"stack-service\" role=\"group\" aria-label=\"service ").append(Html.attr(service))
                .append("\"><h3>Service ").append(Html.text(service)).append("</h3>");
    }

    /** Closes a lane group or the stack's section. */
    static void close(StringBuilder out, boolean lane) {
        out.append(lane ? "</div>" : "</section>");
    }

    private static StackTag tag(ReportEntry e) {
        return e instanceof ReportEntry.Rollout r ? r.stack() : null;
    }

    /** The service of a stack's app: the app is {@code <project>-<service>}. */
    private static String service(StackTag tag, ReportEntry e) {
        String app = String.valueOf(((ReportEntry.Rollout) e).record().app());
        String prefix = tag.project() + "-";
        return app.startsWith(prefix) && app.length() > prefix.length() ? app.substring(prefix.length()) : app;
    }
}
