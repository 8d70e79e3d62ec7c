package io.stui.server.dispatch;

import io.stui.protocol.Command;
import io.stui.protocol.request.Request;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The first answer to a request, kept so that the same request sent again by the same client within the retry
 * window gets that answer instead of running twice. STUI's client retries after a timeout as long as our
 * evaluation limit, so a slow {@code evaluate} or a {@code create_session} would otherwise run twice.
 *
 * <p>A request is a retry when the same identity sends the same command with the same id and equal parameters;
 * an id reused with other parameters is a new request. A retry arriving while the first still runs waits for its
 * answer. Memory is bounded: entries older than the window go first, then the oldest beyond the entry and byte
 * caps.
 */
public final class RetryCache {

    /** The commands whose second execution would do harm or waste: each runs once per id. */
    static final Set<Command> COMMANDS = Set.of(Command.EVALUATE, Command.CREATE_SESSION, Command.SAVE_CONTEXT);

    private record Key(String identity, Command command, Class<?> idType, String id) {}

    private static final class Entry {
        final long at;
        final Request request;
        final CompletableFuture<byte[]> answer = new CompletableFuture<>();
        long bytes;

        Entry(long at, Request request) {
            this.at = at;
            this.request = request;
        }
    }

    /** A request this cache took charge of: either its earlier answer, or the duty to {@link #complete} it. */
    public final class Claim {
        private final Key key;
        private final Entry entry;
        private final byte[] earlier;

        private Claim(Key key, Entry entry, byte[] earlier) {
            this.key = key;
            this.entry = entry;
            this.earlier = earlier;
        }

        /** The first answer to this request, or null when this is the first time: run it, then complete. */
        public byte[] earlier() {
            return earlier;
        }

        /** Keeps the answer for retries (a copy of exactly its bytes). */
        public void complete(byte[] answer) {
            synchronized (RetryCache.this) {
                if (entries.get(key) == entry) { // not evicted while it ran
                    entry.bytes = answer.length;
                    totalBytes += answer.length;
                    evict();
                }
            }
            entry.answer.complete(answer);
        }

        /** The request got no answer to keep: forgotten, and a retry waiting for it runs itself. */
        public void abandon() {
            synchronized (RetryCache.this) {
                entries.remove(key, entry);
            }
            entry.answer.complete(null);
        }
    }

    private final long windowNanos;
    private final int maxEntries;
    private final long maxBytes;
    private final LongSupplier nanoClock;
    /** Insertion order is age order: the first entry is the oldest. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    private long totalBytes;

    public RetryCache(Duration window, int maxEntries, long maxBytes, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.nanoClock = nanoClock;
    }

    /** The retry window (setting {@code retry-window}), 10,000 answers and 64 MiB at most. */
    public static RetryCache of(Duration window) {
        return new RetryCache(window, 10_000, 64L << 20, System::nanoTime);
    }

    /**
     * Takes charge of a request, or answers null when it is not one this cache keeps (another command, no id, no
     * identity, or a window of zero). May wait for the first answer when the first is still running.
     */
    public Claim claim(String identity, Object id, Request request) {
        if (windowNanos == 0 || identity == null || id == null || !COMMANDS.contains(request.command())) {
            return null;
        }
        Key key = new Key(identity, request.command(), id.getClass(), id.toString());
        Entry earlier;
        Entry mine;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            evictOlderThan(now - windowNanos);
            earlier = entries.get(key);
            if (earlier != null && !earlier.request.equals(request)) {
                remove(key, earlier); // the id reused for something else: a new request
                earlier = null;
            }
            if (earlier == null) {
                mine = new Entry(now, request);
                entries.put(key, mine);
                evict();
                return new Claim(key, mine, null);
            }
        }
        byte[] answer = earlier.answer.join();
        if (answer == null) {
            return claim(identity, id, request); // the first got no answer to keep: this one runs
        }
        return new Claim(key, earlier, answer);
    }

    /** Answers kept now (for tests and metrics). */
    public synchronized int size() {
        return entries.size();
    }

    private void evictOlderThan(long cutoff) {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry e = it.next().getValue();
            if (e.at - cutoff >= 0) {
                return;
            }
            it.remove();
            totalBytes -= e.bytes;
        }
    }

    private void evict() {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || totalBytes > maxBytes) && it.hasNext()) {
            Entry e = it.next().getValue();
            it.remove();
            totalBytes -= e.bytes;
        }
    }

    private void remove(Key key, Entry e) {
        if (entries.remove(key, e)) {
            totalBytes -= e.bytes;
        }
    }
}
