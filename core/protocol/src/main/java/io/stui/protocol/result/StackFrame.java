package io.stui.protocol.result;

/**
 * One frame of a suspended evaluation, innermost first.
 *
 * @param index         0 for the innermost frame (the {@code frame} parameter of {@code debug})
 * @param method        Pharo-style description, e.g. {@code SmallInteger(Integer)>>factorial}
 * @param receiverClass the receiver's class
 * @param line          1-based line of the current send in the method's source (0: before the first)
 * @param startColumn   1-based column where the current send's selector starts (0: unknown)
 * @param endColumn     column just after its first keyword (exclusive)
 */
public record StackFrame(int index, String method, String receiverClass, int line, int startColumn, int endColumn) {}
