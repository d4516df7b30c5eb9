package io.jenkins.plugins.containerrollout.core.deploy.docker;

import io.jenkins.plugins.containerrollout.core.deploy.AppLabels;
import io.jenkins.plugins.containerrollout.testing.TestBed;

/**
 * Writes an application's rollout lock into the engine the way a deploying process holds it ({@link RolloutLock}: a
 * never-started container named for the app, labelled with its owner and the time it was taken), for another
 * process, or another host, that the test cannot start for real.
 *
 * <p>Usage: {@code HeldLocks.write(app, HeldLocks.onOtherHost(), System.currentTimeMillis(), image)}
 */
public final class HeldLocks {
    private HeldLocks() {
    }

    /** Creates the lock container of {@code app} held by {@code owner} since {@code createdMillis}. */
    public static void write(String app, String owner, long createdMillis, String image) {
        TestBed.docker("create", "--name", AppLabels.lockName(app), "--network", "none",
                "--label", AppLabels.APP + "=" + app, "--label", AppLabels.ROLE + "=" + AppLabels.ROLE_LOCK,
                "--label", AppLabels.OWNER + "=" + owner, "--label", AppLabels.CREATED + "=" + createdMillis, image);
    }

    /** An owner on this host, as {@link io.jenkins.plugins.containerrollout.core.deploy.LockOwner#current()} writes it, but with process id {@code pid}. */
    public static String onThisHost(long pid) {
        return io.jenkins.plugins.containerrollout.core.deploy.LockOwner.current().replaceFirst("pid=\\d+", "pid=" + pid);
    }

    /** An owner on a host that is not this one: its process cannot be looked up from here. */
    public static String onOtherHost() {
        return "build-agent-elsewhere pid=1 0badc0de";
    }

    /** Who holds the lock of {@code app} now, read from the engine; "" when nobody does. */
    public static String owner(String app) {
        return TestBed.docker("ps", "-a", "--format", "{{.Label \"" + AppLabels.OWNER + "\"}}", "--filter",
                "name=^" + AppLabels.lockName(app) + "$").trim();
    }
}
