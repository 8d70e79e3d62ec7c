package io.stui.smalltalk;

import java.time.Duration;

/**
 * Limits for one evaluation. Exceeding any of them ends the evaluation with a typed {@link EvalFailure}.
 *
 * @param timeout            wall-clock limit
 * @param instructionBudget  maximum interpreter steps (sends, block activations, loop iterations); 0 = unlimited
 * @param maxAllocationBytes approximate bytes the evaluation may allocate in collections, strings and objects; 0 = unlimited
 * @param maxDepth           maximum call depth (method and block activations)
 */
public record EvalLimits(Duration timeout, long instructionBudget, long maxAllocationBytes, int maxDepth) {
    public static final int DEFAULT_MAX_DEPTH = 50_000;

    public EvalLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout must be positive");
        if (instructionBudget < 0 || maxAllocationBytes < 0)
            throw new IllegalArgumentException("limits must not be negative");
        if (maxDepth < 10) throw new IllegalArgumentException("maxDepth must be at least 10");
    }

    public EvalLimits(Duration timeout, long instructionBudget, long maxAllocationBytes) {
        this(timeout, instructionBudget, maxAllocationBytes, DEFAULT_MAX_DEPTH);
    }

    /** 10 s, 2 billion steps, 256 MiB, depth 50 000. */
    public static EvalLimits defaults() {
        return new EvalLimits(Duration.ofSeconds(10), 2_000_000_000L, 256L << 20, DEFAULT_MAX_DEPTH);
    }

    public EvalLimits withTimeout(Duration t) {
        return new EvalLimits(t, instructionBudget, maxAllocationBytes, maxDepth);
    }

    public EvalLimits withInstructionBudget(long b) {
        return new EvalLimits(timeout, b, maxAllocationBytes, maxDepth);
    }

    public EvalLimits withMaxAllocationBytes(long a) {
        return new EvalLimits(timeout, instructionBudget, a, maxDepth);
    }

    public EvalLimits withMaxDepth(int d) {
        return new EvalLimits(timeout, instructionBudget, maxAllocationBytes, d);
    }
}
