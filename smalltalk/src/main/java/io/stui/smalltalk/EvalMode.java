package io.stui.smalltalk;

/**
 * How a tool wants an evaluation: {@code EXECUTE} (do-it: the value is kept and gets an id, no printString is
 * built), {@code DISPLAY} (print-it, the default), {@code INSPECT} (as DISPLAY; the tool then inspects the answer's
 * object id). Debugging is {@link Workspace#debugger()}{@code .debug(...)}, which answers a debug state instead.
 */
public enum EvalMode {
    EXECUTE,
    DISPLAY,
    INSPECT
}
