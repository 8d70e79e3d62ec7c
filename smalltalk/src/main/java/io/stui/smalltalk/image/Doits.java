package io.stui.smalltalk.image;

import io.stui.smalltalk.EvalFailure;

/**
 * Evaluates an expression in the workspace a load or a test run works on, under the caller's limits (the
 * workspace's own evaluator: compiled, run and printed as any evaluation, but kept out of its history).
 */
@FunctionalInterface
public interface Doits {
    /** The value (null when it failed), its printString, and the failure (null when it succeeded). */
    record Evaluated(Object value, String printString, EvalFailure failure) {}

    Evaluated evaluate(String code);
}
