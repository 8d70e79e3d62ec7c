package io.stui.smalltalk;

/**
 * A line breakpoint in a method: {@code line} is 1-based in the method's source (the selector's line is 1) and is
 * the line actually used, the first one at or after the requested line that holds a send.
 */
public record Breakpoint(String className, String selector, boolean classSide, int line) {}
