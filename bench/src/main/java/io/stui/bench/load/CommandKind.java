package io.stui.bench.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of request the load generator sends. {@link #SESSION} stands for the cheap session
 * operations (get_session_info on the client's own session).
 */
public enum CommandKind {
    PING,
    EVALUATE,
    INSPECT,
    SESSION,
    /** {@code complete} of {@code 3 fact} outside any session (issue #15). */
    COMPLETE,
    /** {@code senders} of {@code printOn:} over the whole image, first page (issue #15). */
    SENDERS,
    /**
     * One debugger step: {@code debug StepOver} of the client's own evaluation, suspended at a breakpoint in a loop
     * that never ends, so every request is exactly one step (issue #15).
     */
    DEBUG_STEP,
    /** {@code load_code} of a small chunk-format file-out (a class and two methods) into the client's session. */
    LOAD_CODE;

    /** The name used in mixes, reports and threshold metrics, e.g. {@code evaluate}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label; the error names the accepted ones. */
    public static CommandKind fromLabel(String label) {
        for (CommandKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown command '" + label + "' (expected one of "
                + Arrays.stream(values()).map(CommandKind::label).collect(Collectors.joining(", ")) + ")");
    }
}
