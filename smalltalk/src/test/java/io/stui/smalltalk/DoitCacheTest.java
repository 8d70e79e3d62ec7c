package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.stui.smalltalk.compiler.DoitCache;
import io.stui.smalltalk.image.KernelLoader;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-evaluating the same source reuses its compiled doit only while everything it was compiled
 * against is unchanged: each test changes one such thing between two evaluations and checks both
 * the answer the user sees and whether the cached doit was reused.
 */
class DoitCacheTest {
    private static ClassTable kernel;

    @BeforeAll
    static void boot() {
        kernel = KernelLoader.boot();
    }

    /** A workspace's state and its evaluator, as a {@link Workspace} holds them, without the thread. */
    private static final class Ws {
        final WorkspaceState state;
        final Evaluator evaluator;

        Ws(ClassTable kernel) {
            state = new WorkspaceState(kernel);
            evaluator = new Evaluator(state, new ResultPrinter(kernel, state.environment()));
        }

        void clear() {
            state.clear();
        }
    }

    private static String eval(Ws s, String code) {
        Evaluator.Outcome out = s.evaluator.evaluate(code, EvalLimits.defaults(), new AtomicBoolean(), true);
        return out.failure() != null ? out.failure().errorClass() : out.printString();
    }

    private static CompiledMethod compiled(Ws s, DoitCache cache, String code) {
        return cache.compile(code, s.state.environment(), s.state.variables(), s.state.resolver());
    }

    @Test
    void sameSourceInAnUnchangedWorkspaceIsCompiledOnce() {
        Ws s = new Ws(kernel);
        DoitCache cache = new DoitCache();
        CompiledMethod first = compiled(s, cache, "3 + 4");
        assertSame(first, compiled(s, cache, "3 + 4"));
        assertNotSame(first, compiled(s, cache, "3 + 5"));
        assertEquals(2, cache.size());
    }

    @Test
    void repeatedEvaluationKeepsUpdatingTheSameVariable() {
        Ws s = new Ws(kernel);
        eval(s, "x := 0");
        DoitCache cache = new DoitCache();
        assertSame(compiled(s, cache, "x := x + 1"), compiled(s, cache, "x := x + 1"));
        for (int i = 0; i < 3; i++) {
            eval(s, "x := x + 1");
        }
        assertEquals("3", eval(s, "x"));
    }

    @Test
    void clearingTheWorkspaceDropsTheVariablesACachedDoitWasBoundTo() {
        Ws s = new Ws(kernel);
        DoitCache cache = new DoitCache();
        CompiledMethod before = compiled(s, cache, "y");
        assertEquals("5", eval(s, "y := 5"));
        assertEquals("5", eval(s, "y"));
        s.clear();
        assertNotSame(before, compiled(s, cache, "y"));
        assertEquals("nil", eval(s, "y"), "a variable from before clear() must not come back");
    }

    @Test
    void aNameThatBecomesAVariableIsNoLongerReadAsAGlobal() {
        Ws s = new Ws(kernel);
        assertEquals("UndeclaredVariableRead", eval(s, "Zork"));
        assertEquals("3", eval(s, "Zork := 3"));
        assertEquals("3", eval(s, "Zork"));
    }

    @Test
    void aDefinitionInTheWorkspaceRecompiles() {
        Ws s = new Ws(kernel);
        DoitCache cache = new DoitCache();
        CompiledMethod before = compiled(s, cache, "Counter + 1"); // a global read: no workspace variable involved
        assertSame(before, compiled(s, cache, "Counter + 1"));
        eval(s, "Smalltalk at: #Counter put: 41");
        assertNotSame(
                before, compiled(s, cache, "Counter + 1"), "the environment changed, so the doit is compiled again");
        assertEquals("42", eval(s, "Counter + 1"));
    }

    @Test
    void aClassDefinedAfterAFailedUseIsFound() {
        Ws s = new Ws(kernel);
        assertEquals("UndeclaredVariableRead", eval(s, "Gadget new"));
        eval(s, "Object subclass: #Gadget instanceVariableNames: '' classVariableNames: '' package: 'T'");
        assertEquals("a Gadget", eval(s, "Gadget new"));
    }

    @Test
    void literalsStayFreshAcrossReusedDoits() {
        Ws s = new Ws(kernel);
        String code = "| t | t := 'abc'. t at: 1 put: $z. t";
        assertEquals("'zbc'", eval(s, code));
        assertEquals("'zbc'", eval(s, code));
        assertEquals("'abc'", eval(s, "'abc'"));
    }

    @Test
    void syntaxErrorsAreNotCachedAndLongSourcesAreNotKept() {
        Ws s = new Ws(kernel);
        DoitCache cache = new DoitCache();
        assertEquals("SyntaxError", eval(s, "3 +"));
        String longSource = "1" + " + 1".repeat(DoitCache.MAX_SOURCE_LENGTH / 4);
        compiled(s, cache, longSource);
        assertEquals(0, cache.size());
        for (int i = 0; i < DoitCache.CAPACITY + 5; i++) {
            compiled(s, cache, i + " + 1");
        }
        assertEquals(DoitCache.CAPACITY, cache.size());
    }
}
