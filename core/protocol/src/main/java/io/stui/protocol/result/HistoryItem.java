package io.stui.protocol.result;

import java.time.Instant;

/**
 * One evaluation in a session's history.
 *
 * @param code   the evaluated source
 * @param result its printString, or the failure's description
 * @param ok     false for a failed evaluation
 * @param at     when it ran
 */
public record HistoryItem(String code, String result, boolean ok, Instant at) {}
