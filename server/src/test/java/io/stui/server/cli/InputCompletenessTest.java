package io.stui.server.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputCompletenessTest {

    @Test
    void openBracketsStringsAndCommentsContinueTheInput() {
        assertTrue(InputCompleteness.isComplete("3 + 4"));
        assertTrue(InputCompleteness.isComplete("#(1 2 3) collect: [:x | x * 2]"));
        assertFalse(InputCompleteness.isComplete("#(1 2 3) do: [:x |"));
        assertFalse(InputCompleteness.isComplete("Transcript show: 'it''s"));
        assertTrue(InputCompleteness.isComplete("Transcript show: 'it''s fine'"));
        assertFalse(InputCompleteness.isComplete("x := 3. \"a comment"));
        assertTrue(InputCompleteness.isComplete("x := 3. \"a [comment\""));
        assertTrue(InputCompleteness.isComplete("$[ asInteger"));
        assertTrue(InputCompleteness.isComplete("$' asInteger"));
        assertFalse(InputCompleteness.isComplete("{1. (2"));
        assertTrue(InputCompleteness.isComplete("{1. (2)}"));
    }
}
