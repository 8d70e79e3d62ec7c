package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MacroEvaluatorTest {

    private final MacroEvaluator sample = new MacroEvaluator(MacroTable.parse(SampleHeader.MACROS));

    private static IntegerConstant eval(String dump, String name) {
        return new MacroEvaluator(MacroTable.parse(dump)).evaluate(name).orElseThrow();
    }

    private static Optional<IntegerConstant> tryEval(String dump, String name) {
        return new MacroEvaluator(MacroTable.parse(dump)).evaluate(name);
    }

    @Test
    void evaluatesArithmeticOnOtherMacrosLikeZmqHausnumero() {
        assertEquals(
                IntegerConstant.of(156384765, IntegerConstant.Type.INT),
                sample.evaluate("SAMPLE_ERR").orElseThrow());
    }

    @Test
    void expandsFunctionLikeMacrosInsideObjectLikeOnes() {
        assertEquals(207, sample.evaluate("SAMPLE_VERSION").orElseThrow().value());
    }

    @Test
    void resolvesAliasesAndNegativeValues() {
        assertEquals(0xFFFF, sample.evaluate("SAMPLE_ALIAS").orElseThrow().value());
        assertEquals(-1, sample.evaluate("SAMPLE_NEG").orElseThrow().value());
    }

    @Test
    void typesLiteralsAsC() {
        assertEquals(
                IntegerConstant.Type.LONG,
                sample.evaluate("SAMPLE_BIG").orElseThrow().type());
        assertEquals("long", sample.evaluate("SAMPLE_BIG").orElseThrow().javaType());
        IntegerConstant allOnes = eval("#define M 0xFFFFFFFF", "M");
        assertEquals(IntegerConstant.Type.UINT, allOnes.type(), "hex that fits unsigned int is unsigned int");
        assertEquals("int", allOnes.javaType());
        assertEquals(
                IntegerConstant.Type.LONG, eval("#define M 4294967295", "M").type(), "decimal never goes unsigned");
        assertEquals(IntegerConstant.Type.ULONG, eval("#define M 1UL", "M").type());
        assertEquals(8, eval("#define M 010", "M").value(), "octal");
    }

    @Test
    void appliesCOperatorsAndPrecedence() {
        assertEquals(14, eval("#define M 2 + 3 * 4", "M").value());
        assertEquals(1 << 20, eval("#define M (1 << 20)", "M").value());
        assertEquals(0x30000000 | 1, eval("#define M (0x30000000 | 0x1)", "M").value());
        assertEquals(3, eval("#define M (1 ? 3 : 4)", "M").value());
        assertEquals(1, eval("#define M (5 > 3 && 2 != 2 || 1)", "M").value());
        assertEquals(-2, eval("#define M ~1", "M").value());
        assertEquals(2, eval("#define M (int) 2L", "M").value());
        assertEquals(IntegerConstant.Type.UINT, eval("#define M (-1 + 0u)", "M").type(), "usual conversions");
        assertEquals(0xFFFF_FFFFL, eval("#define M (-1 + 0u)", "M").value());
        assertEquals(0x7FFF_FFFFL, eval("#define M (0xFFFFFFFF >> 1)", "M").value(), "unsigned shift is logical");
        assertEquals(65, eval("#define M 'A'", "M").value());
    }

    @Test
    void skipsWhatIsNotAnIntegerConstant() {
        assertTrue(sample.evaluate("SAMPLE_STRING").isEmpty(), "string macro");
        assertTrue(sample.evaluate("SAMPLE_EMPTY").isEmpty(), "empty macro");
        assertTrue(sample.evaluate("SAMPLE_MAKE").isEmpty(), "function-like macro");
        assertTrue(sample.evaluate("NOT_DEFINED").isEmpty());
        assertTrue(tryEval("#define M (1 / 0)", "M").isEmpty(), "division by zero");
        assertTrue(tryEval("#define M UNKNOWN + 1", "M").isEmpty(), "undefined identifier");
        assertTrue(tryEval("#define M 1.5", "M").isEmpty(), "floating point");
        assertTrue(tryEval("#define M __attribute__ ((visibility (\"default\")))", "M")
                .isEmpty());
    }

    @Test
    void selfReferenceDoesNotRecurseForever() {
        assertTrue(tryEval("#define A B\n#define B A", "A").isEmpty());
        assertTrue(tryEval("#define A A", "A").isEmpty());
    }

    @Test
    void macroTableKeepsSourceAndParameters() {
        MacroTable table = MacroTable.parse(SampleHeader.MACROS);
        assertEquals(List.of("a", "b"), table.get("SAMPLE_MAKE").params());
        assertEquals("#define SAMPLE_HEX 0xFFFF", table.get("SAMPLE_HEX").source());
    }
}
