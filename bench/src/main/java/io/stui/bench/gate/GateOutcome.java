package io.stui.bench.gate;

/** How a gate ended, and the process exit code CI sees. */
public enum GateOutcome {
    /** Every threshold held. */
    PASS(0),
    /** The run worked but at least one threshold was missed. */
    MISS(1),
    /** The run itself failed (bad configuration, server did not start, no answer at all). */
    BROKEN(2),
    /**
     * The machine was too noisy to judge: the C ceiling server, which does no work, itself moved or
     * missed the limits, even after retries. Not a verdict on the server; CI reports it and goes on.
     */
    INCONCLUSIVE(2);

    private final int exitCode;

    GateOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /** 0, 1 or 2. */
    public int exitCode() {
        return exitCode;
    }
}
