package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Workspaces used from different threads at once share the kernel (and its inline caches) safely. */
class ConcurrencyTest {
    @Test
    void parallelWorkspacesWithOwnClassesAndExtensions() {
        SmalltalkEngine engine = SmalltalkEngine.boot();
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            final int n = w;
            runs.add(CompletableFuture.supplyAsync(() -> {
                try (Workspace ws = engine.newWorkspace()) {
                    // each workspace gives the same selector a different meaning on a kernel class
                    ws.evaluate("Integer compile: 'tag ^self * " + (n + 1) + "'");
                    ws.evaluate("Object subclass: #Box instanceVariableNames: 'v' classVariableNames: '' package: 'P'."
                            + " Box compile: 'v ^v'. Box compile: 'v: x v := x'");
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < 30; i++) {
                        EvalResult r = ws.evaluate(
                                "((1 to: 200) inject: 0 into: [:a :b | a + b tag]) + ((Box new v: " + i + ") v)"
                                        + " + (#(3 1 2) asSortedCollection first) + ((Dictionary new at: 1 put: 2; yourself) at: 1)");
                        out.append(r.ok() ? r.printString() : r.failure().describe())
                                .append(' ');
                    }
                    return out.toString();
                }
            }));
        }
        for (int w = 0; w < 4; w++) {
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 30; i++)
                expected.append(20100L * (w + 1) + i + 1 + 2).append(' ');
            assertEquals(expected.toString(), runs.get(w).join());
        }
    }
}
