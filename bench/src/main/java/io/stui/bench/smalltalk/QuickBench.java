package io.stui.bench.smalltalk;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;

/**
 * A quick timing run of the embedded Smalltalk's README figures, without JMH ({@link SmalltalkBenchmarks} is the
 * reference): {@code java -Xss8m -cp bench/target/stui-bench.jar io.stui.bench.smalltalk.QuickBench}.
 */
public final class QuickBench {
    private QuickBench() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        SmalltalkEngine engine = SmalltalkEngine.boot();
        System.out.printf("cold boot: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        try (Workspace ws = engine.newWorkspace()) {
            EvalLimits limits = EvalLimits.defaults();
            for (int round = 0; round < 3; round++) {
                int n = 20_000;
                long s = System.nanoTime();
                for (int i = 0; i < n; i++) ws.evaluate("3 + 4", limits);
                System.out.printf("3 + 4 end to end: %.2f us%n", (System.nanoTime() - s) / 1e3 / n);

                s = System.nanoTime();
                EvalResult r = ws.evaluate("(1 to: 1000000) inject: 0 into: [:a :b | a + b]", limits);
                System.out.printf("inject 1e6: %.1f ms (%s)%n", (System.nanoTime() - s) / 1e6, r.printString());

                ws.evaluate(
                        "Object subclass: #Fib instanceVariableNames: '' classVariableNames: '' package: 'B'. "
                                + "Fib compile: 'fib: n n < 2 ifTrue: [^n]. ^(self fib: n - 1) + (self fib: n - 2)'",
                        limits);
                s = System.nanoTime();
                r = ws.evaluate("Fib new fib: 27", limits);
                double secs = (System.nanoTime() - s) / 1e9;
                // fib: sends per call: the fib: send itself plus <, -, +, - (arithmetic sends count as sends)
                long calls = 2 * 317811L - 1;
                System.out.printf(
                        "fib 27: %.1f ms, %.1f M fib: calls/s, %.1f M sends/s (%s)%n",
                        secs * 1e3, calls / secs / 1e6, calls * 5 / secs / 1e6, r.printString());
            }
        }
    }
}
