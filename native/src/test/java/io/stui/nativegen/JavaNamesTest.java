package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void underscoreAloneGetsJextractsTrailingUnderscore() {
        assertEquals("__", JavaNames.safe("_"));
    }

    @Test
    void keywordsRestrictedNamesAndUsedTypesAreMangled() {
        assertEquals("class_", JavaNames.safe("class"));
        assertEquals("default_", JavaNames.safe("default"));
        assertEquals("var_", JavaNames.safe("var"));
        assertEquals("record_", JavaNames.safe("record"));
        assertEquals("MemorySegment_", JavaNames.safe("MemorySegment"));
    }

    @Test
    void ordinaryCNamesStayAsTheyAre() {
        assertEquals("socket", JavaNames.safe("socket"));
        assertEquals("msg_", JavaNames.safe("msg_"));
        assertEquals("__x", JavaNames.safe("__x"));
    }

    @Test
    void unnamedParametersArePositional() {
        assertEquals("x0", JavaNames.parameter("", 0));
        assertEquals("x3", JavaNames.parameter("", 3));
        assertEquals("int_", JavaNames.parameter("int", 1));
    }

    @Test
    void nonIdentifiersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JavaNames.safe("a-b"));
    }
}
