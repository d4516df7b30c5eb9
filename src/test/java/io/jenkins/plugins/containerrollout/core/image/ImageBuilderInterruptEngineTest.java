package io.jenkins.plugins.containerrollout.core.image;

import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.cleanUp;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.context;
import static io.jenkins.plugins.containerrollout.core.image.ImageBuilderFixtures.request;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.testing.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * A build is cancellable and bounded: interrupting the caller during a long RUN step, or running out of time, stops
 * the step in the engine and returns promptly, leaving no thread, open file or temporary file behind.
 */
public class ImageBuilderInterruptEngineTest {
    /** Names of the threads a build uses: our stream readers (renamed docker-java threads) and the tar producer. */
    private static final List<String> OUR_THREADS = List.of(StreamWatcher.THREAD_PREFIX, "context-archive", "docker-java-stream-");

    @Test
    public void interruptStopsTheBuildPromptlyAndLeavesNothingBehind() throws Exception {
        String marker = TestBed.unique("sleeper");
        Path ctx = sleeper(marker);
        String tag = TestBed.unique("bld") + ":1";
        Set<String> tempBefore = tempEntries();
        long fdsBefore = openTempFiles();
        int threadsBefore = ourThreads();
        CountDownLatch stepRunning = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                new ImageBuilder(TestBed.host()).build(request(ctx, tag).build(), line -> {
                    if (line.equals(marker)) {
                        stepRunning.countDown();
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        }, "bld-test-caller");
        try {
            caller.start();
            assertTrue("the RUN step did not start", stepRunning.await(60, TimeUnit.SECONDS));
            assertTrue("the build's threads are not found by name: " + threadNames(), liveOurThreads() > threadsBefore);
            long interruptedAt = System.nanoTime();
            caller.interrupt();
            caller.join(10_000);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt);
            assertFalse("build still running 10 s after the interrupt", caller.isAlive());
            assertTrue("returned after " + tookMillis + " ms", tookMillis < 5_000);
            System.out.println("interrupt to return: " + tookMillis + " ms");
            assertTrue("threw " + thrown.get(), thrown.get() instanceof InterruptedException);
            assertEquals("interrupt flag restored", Boolean.TRUE, flagAfter.get());
            assertEquals("threads left: " + threadNames(), threadsBefore, ourThreads());
            assertEquals(fdsBefore, openTempFiles());
            assertEquals(Set.of(), newOurTempEntries(tempBefore));
            assertStepContainerGone(marker);
        } finally {
            caller.interrupt();
            caller.join(30_000);
            cleanUp(ctx, tag);
        }
    }

    @Test
    public void stopsTheBuildWhenItsTimeoutRunsOut() throws Exception {
        String marker = TestBed.unique("sleeper");
        Path ctx = sleeper(marker);
        String tag = TestBed.unique("bld") + ":1";
        int threadsBefore = ourThreads();
        try {
            ImageBuilderFixtures.Req req = request(ctx, tag);
            req.timeout = Duration.ofSeconds(4);
            long start = System.nanoTime();
            BuildException e = org.junit.Assert.assertThrows(BuildException.class,
                    () -> new ImageBuilder(TestBed.host()).build(req.build(), line -> { }));
            long took = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals("build did not finish within the timeout of 4 s — stopped it", e.getMessage());
            assertTrue("took " + took + " s", took < 15);
            assertEquals("threads left: " + threadNames(), threadsBefore, ourThreads());
            assertStepContainerGone(marker);
        } finally {
            cleanUp(ctx, tag);
        }
    }

    /** A context whose RUN step prints {@code marker}, then sleeps 30 s. */
    private static Path sleeper(String marker) throws IOException {
        return context("FROM scratch", "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"echo " + marker + "; /bin/busybox sleep 30\"]");
    }

    /** The engine removes the RUN step's container once the client is gone (forcerm); give it a few seconds. */
    private static void assertStepContainerGone(String marker) throws InterruptedException {
        String running = "";
        for (int i = 0; i < 40; i++) {
            running = TestBed.docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}");
            if (!running.contains(marker)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the step container is still there:\n" + running);
    }

    private static int ourThreads() throws InterruptedException {
        // threads that were told to stop may need a moment to die; count until it settles
        int count = Integer.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            int now = (int) liveOurThreads();
            if (now == count) {
                return now;
            }
            count = now;
            Thread.sleep(100);
        }
        return count;
    }

    private static long liveOurThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && ours(t.getName())).count();
    }

    private static boolean ours(String name) {
        return OUR_THREADS.stream().anyMatch(name::startsWith);
    }

    private static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(ImageBuilderInterruptEngineTest::ours)
                .collect(Collectors.joining(", "));
    }

    private static Path tmp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Set<String> tempEntries() throws IOException {
        try (Stream<Path> entries = Files.list(tmp())) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /**
     * New temp entries that a build could have made (docker-java's build tar, a spilled context). Other engineers'
     * tests share /tmp, so entries are matched by the prefixes those would have, not all of them.
     */
    private static Set<String> newOurTempEntries(Set<String> before) throws IOException {
        Set<String> now = tempEntries();
        now.removeAll(before);
        return now.stream().filter(n -> n.startsWith("docker-java") || n.contains("context") || n.contains("rollout")
                || n.endsWith(".tar") || n.endsWith(".tar.gz")).collect(Collectors.toSet());
    }

    /** Files under the temp dir this JVM holds open (a leaked temp file shows here even once deleted). */
    private static long openTempFiles() throws IOException {
        String prefix = tmp().toRealPath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException gone) {
                    return "";
                }
            }).filter(target -> target.startsWith(prefix) && !target.contains("surefire")).count();
        }
    }
}
