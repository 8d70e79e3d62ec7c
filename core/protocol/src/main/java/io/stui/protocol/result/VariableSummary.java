package io.stui.protocol.result;

/**
 * One workspace variable in {@code get_context_summary}.
 *
 * @param name        variable name
 * @param className   class of its value
 * @param printString printString of its value
 */
public record VariableSummary(String name, String className, String printString) {}
