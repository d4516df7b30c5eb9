package io.jenkins.plugins.containerrollout.core.report;

import java.util.List;
import java.util.TreeSet;

/**
 * One colour per revision of a rollout, from a colour-blind-safe palette (Okabe–Ito), in revision order so the older
 * revision is always blue and the newer one orange. Red is not in the palette: it is kept for failures.
 */
final class RevisionColors {
    private static final List<String> PALETTE =
            List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#8c6d31", "#6a3d9a");
    private final List<Integer> revisions;

    RevisionColors(TreeSet<Integer> revisions) {
        this.revisions = List.copyOf(revisions);
    }

    String of(int revision) {
        int i = revisions.indexOf(revision);
        return PALETTE.get(Math.floorMod(i < 0 ? revision : i, PALETTE.size()));
    }

    List<Integer> revisions() {
        return revisions;
    }
}
