package io.stui.protocol.result;

import java.time.Instant;

/**
 * The last evaluation of a session.
 *
 * @param code   the source evaluated
 * @param result the printString of its value (or the error text)
 * @param at     when it ran
 */
public record LastEvaluation(String code, String result, Instant at) {}
