package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.RolloutStrategy;
import io.jenkins.plugins.containerrollout.core.health.ProbeSettings;
import io.jenkins.plugins.containerrollout.core.record.PauseInfo;
import io.jenkins.plugins.containerrollout.core.record.RolloutRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What a later process needs to go on with a rollout that holds at a pause: where it holds, the strategy and probe it
 * was deployed with (so promote goes on with the same steps, analysis and gates), the history limit, and the record so
 * far (so the rollout's record is one entry from the deploy that paused to the promote or abort that ends it). Kept
 * in one label of the application's state entry ({@link #encode}); nothing in it is secret (the record is masked and
 * the replica spec is in the revision record already).
 *
 * @param info                 where it holds
 * @param strategy             the strategy the rollout runs
 * @param probe                the readiness probe of the deploy
 * @param revisionHistoryLimit the deploy's history limit, for the garbage collection when it ends
 * @param recordSoFar          the record up to the pause (outcome PAUSED)
 */
record PausedRollout(PauseInfo info, RolloutStrategy strategy, ProbeSettings probe, int revisionHistoryLimit,
        RolloutRecord recordSoFar) implements Serializable {

    /**
     * Only the project's own types and the JDK's plain data may come back out of a label: anyone who can write labels
     * owns the engine already, but a corrupt or foreign label must fail as unreadable, not run code.
     */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=100000;maxbytes=16000000;io.jenkins.plugins.containerrollout.core.**;java.lang.*;"
                    + "java.util.*;java.time.*;!*");

    /** As a label value: Java serialization (records rebuild through their constructors), gzip, base64. */
    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new IllegalStateException("a paused rollout is plain data", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * The paused rollout a label holds.
     *
     * @throws IllegalStateException the label is not one this version can read; a rollback still restores the
     *                               stable revision
     */
    static PausedRollout decode(String label) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(label))))) {
            in.setObjectInputFilter(ALLOWED);
            return (PausedRollout) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the paused rollout recorded in the engine cannot be read (" + e
                    + "); roll the application back to abort it", e);
        }
    }
}
