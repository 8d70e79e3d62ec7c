package io.stui.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {

    @Test
    void oneKeyRunsInOrderOneAtATime() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(4, 1000, 100, 1 << 20)) {
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(500);
            for (int i = 0; i < 500; i++) {
                int n = i;
                assertTrue(ex.submit("s1", () -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    seen.add(n);
                    running.decrementAndGet();
                    done.countDown();
                }));
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(1, maxRunning.get());
            for (int i = 0; i < 500; i++) {
                assertEquals(i, seen.get(i));
            }
        }
    }

    @Test
    void differentKeysRunInParallel() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 10, 1 << 20)) {
            CountDownLatch bothIn = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(2);
            for (String key : List.of("a", "b")) {
                ex.submit(key, () -> {
                    bothIn.countDown();
                    awaitRelease(release);
                    finished.countDown();
                });
            }
            assertTrue(bothIn.await(5, TimeUnit.SECONDS), "two sessions should run at the same time");
            release.countDown();
            assertTrue(finished.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void fullQueueIsRefusedAndShutdownFinishesAcceptedWork() throws Exception {
        KeyedSerialExecutor ex = new KeyedSerialExecutor(1, 2, 1, 1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        assertTrue(ex.submit("s", () -> {
            awaitRelease(release);
            ran.incrementAndGet();
        }));
        assertTrue(ex.submit("s", ran::incrementAndGet));
        assertTrue(ex.submit("s", ran::incrementAndGet));
        assertFalse(ex.submit("s", ran::incrementAndGet), "queue of 2 waiting tasks is full");
        release.countDown();
        assertTrue(ex.shutdown(Duration.ofSeconds(5)));
        assertEquals(3, ran.get());
        assertFalse(ex.submit("t", ran::incrementAndGet));
    }

    @Test
    void runHereRunsOnTheCallerAndLaterWorkOfTheKeyWaitsForIt() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 10, 1 << 20)) {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch queuedRan = new CountDownLatch(1);
            Thread caller = Thread.currentThread();
            assertTrue(ex.runHere("s", () -> {
                assertTrue(Thread.currentThread() == caller, "runs on the calling thread");
                assertTrue(ex.submit("s", () -> {
                    order.add("queued");
                    queuedRan.countDown();
                }));
                // the queued task must not start while this one holds the key
                assertFalse(ex.runHere("s", () -> order.add("nested")), "the key is busy");
                order.add("here");
            }));
            assertTrue(queuedRan.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("here", "queued"), order);
        }
    }

    @Test
    void runHereDeclinesAKeyWithPendingWorkAndAfterShutdown() throws Exception {
        KeyedSerialExecutor ex = new KeyedSerialExecutor(1, 10, 10, 1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ex.submit("busy", () -> {
            started.countDown();
            awaitRelease(release);
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        assertFalse(ex.runHere("busy", () -> ran.add("x")), "a session's work stays in order");
        assertTrue(ex.runHere("idle", () -> ran.add("y")));
        assertTrue(ex.runHere((String) null, () -> ran.add("z")), "keyless work has no order to keep");
        release.countDown();
        assertTrue(ex.shutdown(Duration.ofSeconds(5)));
        assertFalse(ex.runHere("idle", () -> ran.add("late")), "nothing runs once stopping");
        assertEquals(List.of("y", "z"), ran);
    }

    @Test
    void shutdownWaitsForWorkRunningInPlace() throws Exception {
        KeyedSerialExecutor ex = new KeyedSerialExecutor(1, 10, 10, 1 << 20);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform()
                .start(() -> ex.runHere("s", () -> {
                    running.countDown();
                    awaitRelease(release);
                }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        assertFalse(ex.shutdown(Duration.ofMillis(50)), "work in place is still running");
        release.countDown();
        caller.join(5_000);
        assertTrue(ex.shutdown(Duration.ofSeconds(5)));
    }

    /** Holds a task until the test releases it (an interrupt ends the wait and is kept for the caller). */
    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anOwnedLaneKeepsItsOrderAcrossIdleSpellsAndRefusesWorkInPlaceWhileBusy() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 10, 1 << 20)) {
            KeyedSerialExecutor.Lane lane = new KeyedSerialExecutor.Lane("s1");
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            assertTrue(ex.submit(lane, () -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add(0);
            }));
            for (int i = 1; i <= 5; i++) {
                int n = i;
                assertTrue(ex.submit(lane, () -> ran.add(n)));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertFalse(ex.runHere(lane, () -> ran.add(-1)), "the lane is busy: nothing jumps the queue");
            release.countDown();
            CountDownLatch drained = new CountDownLatch(1);
            assertTrue(ex.submit(lane, drained::countDown));
            assertTrue(drained.await(5, TimeUnit.SECONDS));
            assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
            // the last task has run; its worker retires the lane just after
            assertTrue(ex.awaitIdle(Duration.ofSeconds(5)));
            assertTrue(ex.runHere(lane, () -> ran.add(6)), "idle again: the same lane runs work in place");
            assertEquals(6, ran.getLast());
            assertTrue(ex.shutdown(Duration.ofSeconds(5)));
        }
    }

    @Test
    void inASharedLaneClientsTakeTurnsSoANewcomerWaitsForTheRunningTaskOnly() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 100, 1 << 20)) {
            KeyedSerialExecutor.Lane image = KeyedSerialExecutor.Lane.sharedByClients("image");
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            byte[] hoarder = {1, 2, 3};
            assertTrue(ex.submit(image, hoarder.clone(), () -> {
                started.countDown();
                awaitRelease(release);
                ran.add("a1");
            }));
            for (int i = 2; i <= 4; i++) {
                String name = "a" + i;
                assertTrue(ex.submit(image, hoarder.clone(), () -> ran.add(name)));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            CountDownLatch quick = new CountDownLatch(1);
            assertTrue(ex.submit(image, new byte[] {9}, () -> {
                ran.add("b");
                quick.countDown();
            }));
            release.countDown();
            assertTrue(quick.await(5, TimeUnit.SECONDS));
            assertTrue(ex.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(List.of("a1", "b", "a2", "a3", "a4"), ran, "one task at a time, the newcomer next");
        }
    }

    @Test
    void aClientWithEveryWorkerBusyDoesNotGetTheNextFreeOneWhileAnotherWaits() throws Exception {
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 100, 1 << 20)) {
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch bothStarted = new CountDownLatch(2);
            List<KeyedSerialExecutor.Lane> sessions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sessions.add(new KeyedSerialExecutor.Lane("a" + i, "alice"));
            }
            for (KeyedSerialExecutor.Lane s : sessions) {
                assertTrue(ex.submit(s, () -> {
                    ran.add("alice"); // the order tasks start in: when one ends is up to the OS
                    bothStarted.countDown();
                    awaitRelease(release);
                }));
            }
            assertTrue(bothStarted.await(5, TimeUnit.SECONDS));
            CountDownLatch bob = new CountDownLatch(1);
            assertTrue(ex.submit(new KeyedSerialExecutor.Lane("b", "bob"), () -> {
                ran.add("bob");
                bob.countDown();
            }));
            release.countDown();
            assertTrue(bob.await(5, TimeUnit.SECONDS));
            assertTrue(ex.awaitIdle(Duration.ofSeconds(5)));
            // alice's two running tasks end; one freed worker serves bob, the other alice's third, which may start
            // first; unfair scheduling would start alice's third and fourth before bob (bob last, at 4)
            assertTrue(ran.indexOf("bob") <= 3, ran.toString());
        }
    }

    @Test
    void workRunInPlaceDoesNotWakeTheIdleWorkers() throws Exception {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "idle-worker");
            t.setDaemon(true);
            workers.add(t);
            return t;
        };
        try (KeyedSerialExecutor ex = new KeyedSerialExecutor(2, 10, 10, factory)) {
            awaitWaiting(workers);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long before = waits(threads, workers);
            KeyedSerialExecutor.Lane lane = new KeyedSerialExecutor.Lane("s");
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < 200; i++) {
                assertTrue(ex.runHere(lane, ran::incrementAndGet));
                // a worker woken now would wait again before the next run, and be counted once per run
                Thread.yield();
                awaitWaiting(workers);
            }
            assertEquals(200, ran.get());
            // each wake-up of a waiting worker shows as one more wait once it finds nothing to do
            assertTrue(waits(threads, workers) - before < 10, "idle workers were woken by work run in place");
        }
    }

    private static void awaitWaiting(List<Thread> workers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : workers) {
            while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, t.getState(), "the workers wait for work");
        }
    }

    private static long waits(ThreadMXBean threads, List<Thread> workers) {
        long n = 0;
        for (Thread t : workers) {
            n += threads.getThreadInfo(t.threadId()).getWaitedCount();
        }
        return n;
    }
}
