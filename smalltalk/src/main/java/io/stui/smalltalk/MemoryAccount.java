package io.stui.smalltalk;

import io.stui.smalltalk.image.RetainedSize;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What one workspace may keep alive, and an estimate of what it does: an evaluation may allocate at most the limit
 * less what the workspace already holds, so a workspace that hoards fails its own evaluations, never another's.
 *
 * <p>The estimate is a bounded walk of what the workspace retains ({@link RetainedSize}), taken when it matters:
 * before the first operation (a restored workspace holds what its snapshot held), and after every operation that
 * was charged 1 MiB or more or that ends with the estimate past half the limit (so near the limit an assignment
 * such as {@code x := nil}, which frees without allocating, is seen at once). Otherwise what an operation was
 * charged is added to the estimate, which therefore errs high: a workspace far below its limit costs no walk, and
 * an evaluation such as {@code 3 + 4} costs two volatile reads and an atomic swap. When a walk stops at its object or slot bound (a graph of
 * more than half a million objects) the estimate keeps the larger of what it counted and the earlier estimate plus
 * the charges since, so it never drops below what was allocated into it.
 *
 * <p>Charges come from the evaluation threads ({@link #charge}); the other methods run on the thread that uses the
 * workspace.
 */
public final class MemoryAccount {
    /** What an evaluation refused by this account answers as its error class. */
    public static final String ERROR_CLASS = "MemoryLimitExceeded";

    private static final long WALK_STEP = 1L << 20;
    /** Registry entries that alone hold this much are forgotten near the limit ({@link #forgetRegistryOnly}). */
    private static final long FORGET_MIN = 1L << 20;

    private final WorkspaceState state;
    private final Supplier<Collection<?>> extraRoots;
    private final AtomicLong pending = new AtomicLong();
    private volatile long limit;
    private volatile String holder = "this workspace";
    private volatile String setting = "";
    private volatile long retained;
    private volatile boolean known;

    MemoryAccount(WorkspaceState state, Supplier<Collection<?>> extraRoots) {
        this.state = state;
        this.extraRoots = extraRoots;
    }

    /**
     * Sets the limit ({@code bytes} 0: none). {@code holder} names the workspace in error messages ("this session"),
     * {@code setting} the setting that raises it (may be empty).
     */
    void setLimit(long bytes, String holder, String setting) {
        if (bytes < 0) throw new IllegalArgumentException("the memory limit must be 0 (none) or positive");
        this.limit = bytes;
        this.holder = holder;
        this.setting = setting;
        this.known = false;
    }

    long limit() {
        return limit;
    }

    /** The current estimate of the bytes the workspace holds (without a limit: 0 until {@link #refresh()}). */
    long retained() {
        return retained;
    }

    /** Bytes the next evaluation may allocate: the limit less what is held, at least 1 (0 would mean unlimited). */
    long allowance() {
        long l = limit;
        return l == 0 ? Long.MAX_VALUE : Math.max(1, l - retained);
    }

    /** The workspace lost what it held (cleared): the next operation walks it again. */
    void remeasure() {
        known = false;
    }

    /** Records what an evaluation was charged (any thread). */
    void charge(long bytes) {
        if (bytes > 0 && limit != 0) pending.addAndGet(bytes);
    }

    /** Before a workspace operation: takes the first estimate (a new or restored workspace). */
    void before() {
        if (limit != 0 && !known) refresh(pending.getAndSet(0));
    }

    /** After a workspace operation: settles what it was charged. */
    void after() {
        long l = limit;
        if (l == 0) return;
        long charged = pending.getAndSet(0);
        if (!known || charged >= WALK_STEP || retained + charged >= l / 2) {
            refresh(charged);
        } else {
            retained += charged;
        }
    }

    /** Walks what the workspace holds now; answers the new estimate. */
    long refresh() {
        refresh(pending.getAndSet(0));
        return retained;
    }

    private void refresh(long chargedSince) {
        long l = limit;
        RetainedSize.Result r;
        try {
            r = RetainedSize.of(state, extraRoots.get(), l == 0 ? 0 : l + 1, FORGET_MIN);
        } catch (RuntimeException changedMeanwhile) {
            // an abandoned evaluation still running changed a map being read: keep the estimate, add the charges
            retained += chargedSince;
            return;
        }
        long bytes = r.bytes();
        if (l != 0 && bytes >= l / 2) bytes -= forgetRegistryOnly(r.registryOnly());
        if (r.complete() || (l != 0 && bytes > l) || !known) retained = bytes;
        else retained = Math.max(bytes, retained + chargedSince);
        known = true;
    }

    /** True when {@code t} is the interpreter's allocation limit and the cap was this account's. */
    /**
     * Forgets the object ids of big objects (1 MiB or more) that nothing but the registry keeps alive,
     * once the workspace holds half its limit: a client handed the id of a value it did not keep in a variable (the
     * answer to {@code h := ByteArray new: 60000000} is registered too) would otherwise find that {@code h := nil}
     * frees nothing. Answers the bytes given back.
     */
    private long forgetRegistryOnly(java.util.Map<String, Long> registryOnly) {
        long freed = 0;
        for (var e : registryOnly.entrySet()) {
            state.registry().forget(e.getKey());
            freed += e.getValue();
        }
        return freed;
    }

    static boolean isOurs(ControlFlow.Termination t, boolean capped) {
        return capped
                && "AllocationLimitExceeded".equals(t.errorClass)
                && t.reason != null
                && t.reason.startsWith(Interp.ALLOCATION_LIMIT_TEXT);
    }

    /** The termination an evaluation refused by this account ends with: names the limit and what is held. */
    ControlFlow.Termination exceeded(ControlFlow.Termination t, long allowance) {
        String raise = setting.isEmpty() ? "" : " (setting " + setting + ")";
        return new ControlFlow.Termination(
                ERROR_CLASS,
                holder + " holds about " + mib(retained) + " of objects and may hold " + mib(limit) + raise
                        + ": this evaluation needed more than the " + mib(allowance)
                        + " left. Free some (name := nil) and evaluate again",
                t.context);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
