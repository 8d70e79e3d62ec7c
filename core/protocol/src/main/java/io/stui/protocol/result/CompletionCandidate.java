package io.stui.protocol.result;

/**
 * One completion candidate.
 *
 * @param text   what replaces the range {@code replace_start}..{@code replace_end}
 * @param kind   {@code variable}, {@code class}, {@code global}, {@code selector} or {@code keyword}
 * @param detail a short description (the variable's class, the class defining the selector...), or null
 */
public record CompletionCandidate(String text, String kind, String detail) {}
