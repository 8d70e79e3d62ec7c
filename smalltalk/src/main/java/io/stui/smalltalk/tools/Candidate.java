package io.stui.smalltalk.tools;

/**
 * A completion: {@code text} replaces the range of its {@link Completions}; {@code kind} is one of
 * {@code variable}, {@code class}, {@code global}, {@code selector}, {@code keyword}; {@code detail} says where
 * it comes from (a variable's class, a selector's full name and defining class).
 */
public record Candidate(String text, String kind, String detail) {}
