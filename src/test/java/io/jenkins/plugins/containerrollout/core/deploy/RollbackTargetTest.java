package io.jenkins.plugins.containerrollout.core.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.containerrollout.core.engine.DockerHost;
import java.util.List;
import org.junit.Test;

/**
 * The one rule both targets use to pick the revision a rollback restores ({@link RollbackRequest#pick}), on plain
 * revision numbers: Docker host and Swarm pass their own revision types with their number.
 */
public class RollbackTargetTest {
    private final DockerHost host = new DockerHost(DockerHost.LOCAL, false, null);

    /** kept revisions, current, toRevision, the revision picked. */
    private record Row(List<Integer> kept, int current, int toRevision, int picked) {
    }

    private static final List<Row> PICKED = List.of(
            new Row(List.of(1, 2, 3), 3, 0, 2),       // previous: the newest before the current one
            new Row(List.of(3, 1, 2), 3, 0, 2),       // in any order
            new Row(List.of(1, 4, 5), 5, 0, 4),       // gaps left by garbage collection
            new Row(List.of(1, 2, 3, 4), 2, 0, 1),    // after a rollback to 2, "previous" is 1, not the newer 3 or 4
            new Row(List.of(1, 2, 3), 3, 1, 1),       // a named revision
            new Row(List.of(1, 2, 3), 1, 3, 3),       // forward to a newer kept one
            new Row(List.of(1, 2, 3), 2, 2, 2));      // the current one itself (re-applies it)

    @Test
    public void picksToRevisionOrTheNewestBeforeTheCurrentOne() {
        for (Row row : PICKED) {
            RollbackRequest request = RollbackRequest.to(host, "web", row.toRevision());
            assertEquals(row.toString(), row.picked(),
                    (int) request.pick(row.kept(), Integer::intValue, row.current()));
        }
    }

    @Test
    public void noRevisionBeforeTheFirstNamesTheParameterAndTheKeptOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RollbackRequest.previous(host, "web").pick(List.of(1), Integer::intValue, 1));
        assertEquals("toRevision: app 'web' keeps no revision before the current one (current: 1; kept revisions: 1)",
                e.getMessage());
    }

    @Test
    public void anUnkeptRevisionNamesTheParameterAndTheKeptOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RollbackRequest.to(host, "web", 7).pick(List.of(4, 3), Integer::intValue, 4));
        assertEquals("toRevision: revision 7 of app 'web' is not kept (current: 4; kept revisions: 3, 4)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RollbackRequest.to(host, "web", 7).pick(List.<Integer>of(), Integer::intValue, 1));
        assertEquals("toRevision: revision 7 of app 'web' is not kept (current: 1; kept revisions: none)",
                e.getMessage());
    }
}
