package io.stui.bench.smalltalk;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import io.stui.smalltalk.image.KernelLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The embedded Smalltalk's speed figures (smalltalk/README.md). Run from the bench jar:
 * {@code java -Xss8m -cp bench/target/stui-bench.jar org.openjdk.jmh.Main SmalltalkBenchmarks -f 1 -wi 5 -i 8 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class SmalltalkBenchmarks {
    private Workspace ws;
    private final EvalLimits limits = EvalLimits.defaults();

    @Setup(Level.Trial)
    public void setUp() {
        ws = SmalltalkEngine.boot().newWorkspace();
        ws.evaluate(
                "Object subclass: #Fib instanceVariableNames: '' classVariableNames: '' package: 'Bench'. "
                        + "Fib compile: 'fib: n n < 2 ifTrue: [^n]. ^(self fib: n - 1) + (self fib: n - 2)'",
                limits);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ws.close();
    }

    /** Parse + evaluate + printString of {@code 3 + 4}, through Workspace.evaluate (thread hand-off included). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EvalResult threePlusFour() {
        return ws.evaluate("3 + 4", limits);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EvalResult injectIntoMillion() {
        return ws.evaluate("(1 to: 1000000) inject: 0 into: [:a :b | a + b]", limits);
    }

    /** {@code Fib new fib: 27}: 635 621 fib: sends plus 4 arithmetic/comparison sends each, about 3.2 million sends. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EvalResult fib27() {
        return ws.evaluate("Fib new fib: 27", limits);
    }

    /**
     * A whole kernel boot (classes created, all kernel sources parsed and loaded): a new, independent kernel each
     * time, which only the loader itself offers (the engine boots once per JVM), so this reaches past the API.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object boot() {
        return KernelLoader.boot();
    }
}
