package io.jenkins.plugins.containerrollout.core.deploy.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.containerrollout.core.deploy.LeftRunning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Test;

/**
 * A converged rollout returns once its last stops are told, not ended ({@link Background#awaitTold}): a stop whose
 * engine call has begun is reported as going on at once, however long the bound; one that ended is collected, its
 * failure thrown; closing the deployer neither interrupts such a stop nor closes the engine client under it. The
 * engine side (a stop outliving its caller) is {@code cli.LastStopsAfterExitEngineTest}.
 */
public class ToldToStopTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch exit = new CountDownLatch(1);

    @After
    public void release() {
        exit.countDown();
        executor.shutdownNow();
    }

    @Test(timeout = 10_000)
    public void aStopWhoseCallHasBegunIsToldWithoutWaitingForItsEnd() throws Exception {
        Background background = new Background(executor);
        CountDownLatch called = new CountDownLatch(1);
        background.stop(21001, () -> {
            called.countDown();
            await(exit); // the engine still ending the replica
        });
        background.stop(21002, () -> { });
        assertTrue(called.await(5, TimeUnit.SECONDS));
        awaitEnded(background, 21002);

        // a bound far beyond the test's timeout: waiting for the end would fail the test
        assertEquals(List.of(21001), background.awaitTold(Duration.ofSeconds(60)));
        assertTrue("still held until it ends", background.heldByStop(21001));
        assertFalse("the ended stop was collected", background.heldByStop(21002));
    }

    @Test(timeout = 10_000)
    public void theFailureOfAStopThatEndedIsThrown() throws Exception {
        Background background = new Background(executor);
        background.stop(21003, () -> {
            throw new IllegalStateException("engine refused the stop");
        });
        awaitEnded(background, 21003);

        assertEquals("engine refused the stop", assertThrows(IllegalStateException.class,
                () -> background.awaitTold(Duration.ofSeconds(60))).getMessage());
    }

    @Test(timeout = 10_000)
    public void closingTheDeployerLetsAToldStopEndThenClosesTheEngineClient() throws Exception {
        DeployerResources resources = DeployerResources.over(null);
        CountDownLatch called = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        resources.executor().submit(() -> {
            called.countDown();
            try {
                exit.await(); // the engine ending the replica
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertTrue(called.await(5, TimeUnit.SECONDS));
        CountDownLatch clientClosed = new CountDownLatch(1);

        resources.closeThen(clientClosed::countDown);
        LeftRunning.await(Duration.ofMillis(200)); // bounded: returns while the stop goes on

        assertEquals("the client stays open while the stop runs", 1, clientClosed.getCount());
        exit.countDown();
        assertTrue("closed once the stop ended", clientClosed.await(5, TimeUnit.SECONDS));
        assertFalse("the stop was not interrupted", interrupted.get());
    }

    /** Until the stop holding {@code port} has ended (its port is free then). */
    private static void awaitEnded(Background background, int port) throws InterruptedException {
        while (!background.freeNow(port)) {
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
