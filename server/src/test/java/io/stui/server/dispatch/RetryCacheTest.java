package io.stui.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stui.protocol.request.Request;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The retry cache: which requests it keeps, for how long, how much, and a retry racing its first. */
class RetryCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final RetryCache cache = new RetryCache(Duration.ofSeconds(60), 3, 100, now::get);

    private static Request eval(String code) {
        return new Request.Evaluate(code, "s1", false);
    }

    @Test
    void aRetryWithinTheWindowGetsTheFirstAnswer() {
        RetryCache.Claim first = cache.claim("alice", "1", eval("n := n + 1"));
        assertNull(first.earlier());
        first.complete(new byte[] {1});
        assertArrayEquals(
                new byte[] {1}, cache.claim("alice", "1", eval("n := n + 1")).earlier());
        assertNull(cache.claim("bob", "1", eval("n := n + 1")).earlier(), "another client's id is its own");
        assertNull(cache.claim("alice", 1L, eval("n := n + 1")).earlier(), "the number 1 is not the string 1");
        assertNull(cache.claim("alice", "1", eval("n + 10")).earlier(), "same id, other code: a new request");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertNull(cache.claim("alice", "9", eval("x")).earlier());
        assertNull(cache.claim("alice", "1", eval("n + 10")).earlier(), "past the window: runs again");
    }

    @Test
    void onlyTheRetriableCommandsWithAnIdAndAnIdentityAreKept() {
        assertNull(cache.claim("alice", "1", new Request.ListClientSessions("alice")));
        assertNull(cache.claim("alice", null, eval("1")));
        assertNull(cache.claim(null, "1", eval("1")));
        assertNotNull(cache.claim("alice", "1", new Request.CreateSession("alice")));
    }

    @Test
    void entriesAndBytesAreCappedOldestFirst() {
        for (int i = 0; i < 5; i++) {
            cache.claim("alice", "id" + i, eval("e" + i)).complete(new byte[30]);
        }
        assertEquals(3, cache.size(), "3 entries and 100 bytes at most");
        assertNull(cache.claim("alice", "id0", eval("e0")).earlier(), "the oldest went first");
    }

    @Test
    void aRetryArrivingWhileTheFirstRunsWaitsForItsAnswer() throws Exception {
        RetryCache.Claim first = cache.claim("alice", "1", new Request.CreateSession("alice"));
        CompletableFuture<byte[]> retry = CompletableFuture.supplyAsync(() ->
                cache.claim("alice", "1", new Request.CreateSession("alice")).earlier());
        first.complete(new byte[] {7});
        assertArrayEquals(new byte[] {7}, retry.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFirstThatGotNoAnswerLetsItsRetryRun() throws Exception {
        RetryCache.Claim first = cache.claim("alice", "1", eval("boom"));
        CompletableFuture<RetryCache.Claim> retry =
                CompletableFuture.supplyAsync(() -> cache.claim("alice", "1", eval("boom")));
        first.abandon();
        assertNull(retry.get(10, TimeUnit.SECONDS).earlier());
    }
}
