package io.stui.protocol.result;

/**
 * One test of {@code run_tests} that did not pass.
 *
 * @param className the test class
 * @param selector  the test method
 * @param kind      {@code failure}, {@code error}, {@code skipped} or {@code unexpected_pass}
 * @param message   the assertion's or the error's message
 * @param line      the line in the test method where it failed, 1-based; 0 when not known
 */
public record TestFailure(String className, String selector, String kind, String message, int line) {}
