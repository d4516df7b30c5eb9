package io.jenkins.plugins.containerrollout.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Recording writes the entries file while holding the action's lock, never the build's: workflow-job's
 * {@code WorkflowRun.save()} writes {@code build.xml} inside {@code synchronized (this)} (as core's
 * {@code Run.save()} is {@code synchronized}), so holding the build while a large entries file is rewritten would stall
 * every save of that build (the Pipeline's own state, other steps' actions) for the length of the write.
 */
public class RecordLockingTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @After
    public void stop() {
        threads.shutdownNow();
    }

    /** An entries file whose write waits until the test lets it go. */
    private static final class HeldStore extends EntryStore {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldStore(File buildDir) {
            super(buildDir);
        }

        @Override
        void write(Path temp, byte[] bytes) throws IOException {
            writing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            super.write(temp, bytes);
        }
    }

    @Test
    public void aSaveOfTheBuildIsNotBlockedWhileEntriesAreWritten() throws Exception {
        File dir = folder.newFolder("7");
        FakeRun run = new FakeRun(null, 7, dir);
        HeldStore store = new HeldStore(dir);
        RolloutAction action = new RolloutAction();
        run.addAction(action);
        action.attach(run, store);

        Future<?> recording = threads.submit(() -> {
            RolloutAction.record(run, Entries.tests("unit"));
            return null;
        });
        assertTrue("the write started", store.writing.await(10, TimeUnit.SECONDS));

        Future<?> save = threads.submit(() -> {
            run.save();
            return null;
        });
        try {
            save.get(5, TimeUnit.SECONDS); // a TimeoutException here: the save waited for the entries write
            assertFalse("the entries write is still held", recording.isDone());
        } finally {
            store.release.countDown();
        }
        recording.get(10, TimeUnit.SECONDS);
        assertEquals(1, action.getSummaries().size());
        assertEquals("the recording saved the build once, the other thread once", 2, run.saves.get());
    }
}
