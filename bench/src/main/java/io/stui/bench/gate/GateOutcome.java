package io.stui.bench.gate;

/** How a gate ended, and the process exit code CI sees. */
public enum GateOutcome {
    /** Every threshold held. */
    PASS(0),
    /** The run worked but at least one threshold was missed. */
    MISS(1),
    /** The run itself failed (bad configuration, server did not start, no answer at all). */
    BROKEN(2);

    private final int exitCode;

    GateOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /** 0, 1 or 2. */
    public int exitCode() {
        return exitCode;
    }
}
