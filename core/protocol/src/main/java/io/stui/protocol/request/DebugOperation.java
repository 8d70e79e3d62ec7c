package io.stui.protocol.request;

import io.stui.protocol.StuiException;
import java.util.Optional;

/**
 * One {@code debug} operation. Breakpoint operations carry a line (1-based, required) and a file or
 * method name (optional); the others carry nothing.
 *
 * @param kind what to do
 * @param line the breakpoint line, or null for operations without one
 * @param file the breakpoint's file or method, or null
 */
public record DebugOperation(Kind kind, Integer line, String file) {

    /** The debug operations. */
    public enum Kind {
        STEP_INTO("step_into", "StepInto"),
        STEP_OVER("step_over", "StepOver"),
        STEP_OUT("step_out", "StepOut"),
        CONTINUE("continue", "Continue"),
        SET_BREAKPOINT("set_breakpoint", "SetBreakpoint"),
        REMOVE_BREAKPOINT("remove_breakpoint", "RemoveBreakpoint"),
        GET_STACK_TRACE("get_stack_trace", "GetStackTrace"),
        GET_LOCAL_VARS("get_local_vars", "GetLocalVars"),
        // the live debugger (issue #15)
        RESTART("restart", "Restart"),
        EVALUATE_IN_FRAME("evaluate_in_frame", "EvaluateInFrame"),
        TERMINATE("terminate", "Terminate");

        private final String snakeName;
        private final String pascalName;

        Kind(String snakeName, String pascalName) {
            this.snakeName = snakeName;
            this.pascalName = pascalName;
        }

        /** The command encoding's name, e.g. {@code step_into}. */
        public String snakeName() {
            return snakeName;
        }

        /** The envelope encoding's name, e.g. {@code StepInto}. */
        public String pascalName() {
            return pascalName;
        }

        /** Whether this operation takes a {@code line} and {@code file}. */
        public boolean isBreakpoint() {
            return this == SET_BREAKPOINT || this == REMOVE_BREAKPOINT;
        }

        /** The kind with this snake_case or PascalCase name, if any. */
        public static Optional<Kind> fromName(String name) {
            if (name == null) {
                return Optional.empty();
            }
            for (Kind k : values()) {
                if (k.snakeName.equals(name) || k.pascalName.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return pascalName;
        }
    }

    /** Validates: breakpoints need a positive line; other operations take neither line nor file. */
    public DebugOperation {
        if (kind == null) {
            throw StuiException.invalidField("operation", "Parameter 'operation' is required for debug.");
        }
        if (kind.isBreakpoint()) {
            if (line == null) {
                throw StuiException.invalidField("line", kind.pascalName() + " needs a 'line' (a positive integer).");
            }
            if (line < 1) {
                throw StuiException.invalidField(
                        "line", "Parameter 'line' must be a positive integer, got " + line + ".");
            }
        } else if (line != null || file != null) {
            throw StuiException.invalidField(
                    line != null ? "line" : "file",
                    kind.pascalName() + " takes no line or file; only SetBreakpoint and RemoveBreakpoint do.");
        }
    }

    /** An operation without arguments (every kind but the breakpoints). */
    public static DebugOperation of(Kind kind) {
        return new DebugOperation(kind, null, null);
    }

    /** A SetBreakpoint at this line of this file or method (file may be null). */
    public static DebugOperation setBreakpoint(int line, String file) {
        return new DebugOperation(Kind.SET_BREAKPOINT, line, file);
    }

    /** A RemoveBreakpoint at this line of this file or method (file may be null). */
    public static DebugOperation removeBreakpoint(int line, String file) {
        return new DebugOperation(Kind.REMOVE_BREAKPOINT, line, file);
    }

    @Override
    public String toString() {
        return kind.isBreakpoint()
                ? kind.pascalName() + "(" + line + (file == null ? "" : ", " + file) + ")"
                : kind.pascalName();
    }
}
