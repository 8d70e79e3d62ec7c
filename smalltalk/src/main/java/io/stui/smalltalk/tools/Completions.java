package io.stui.smalltalk.tools;

import java.util.List;

/** Candidates for the text between {@code replaceStart} and {@code replaceEnd} (0-based offsets), best first. */
public record Completions(int replaceStart, int replaceEnd, List<Candidate> candidates) {
    public Completions {
        candidates = List.copyOf(candidates);
    }
}
