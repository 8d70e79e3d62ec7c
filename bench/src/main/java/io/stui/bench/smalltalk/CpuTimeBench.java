package io.stui.bench.smalltalk;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvaluationThreads;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@code Fib new fib: 27} and {@code 3 + 4} evaluated on an evaluation thread (no hand-off), timed in thread CPU
 * time, which a loaded shared machine disturbs less than wall-clock time: best and median of the runs.
 * {@code java -cp bench/target/stui-bench.jar io.stui.bench.smalltalk.CpuTimeBench}
 */
public final class CpuTimeBench {
    private CpuTimeBench() {}

    public static void main(String[] args) throws Exception {
        Thread t = EvaluationThreads.factory("bench").newThread(CpuTimeBench::run);
        t.start();
        t.join();
    }

    static void run() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Workspace ws = SmalltalkEngine.boot().newWorkspace();
        EvalLimits limits = EvalLimits.defaults();
        ws.evaluate(
                "Object subclass: #Fib instanceVariableNames: '' classVariableNames: '' package: 'B'. "
                        + "Fib compile: 'fib: n n < 2 ifTrue: [^n]. ^(self fib: n - 1) + (self fib: n - 2)'",
                limits);
        for (int i = 0; i < 40; i++) ws.evaluate("Fib new fib: 27", limits);
        double[] fib = new double[40];
        for (int i = 0; i < fib.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            ws.evaluate("Fib new fib: 27", limits);
            fib[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        for (int i = 0; i < 200_000; i++) ws.evaluate("3 + 4", limits);
        double[] tpf = new double[30];
        for (int r = 0; r < tpf.length; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) ws.evaluate("3 + 4", limits);
            tpf[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / 20_000;
        }
        Arrays.sort(fib);
        Arrays.sort(tpf);
        long sends = (2 * 317811L - 1) * 5;
        System.out.printf(
                "fib27 cpu ms min %.2f med %.2f (M sends/s at min %.0f, at med %.0f) | 3+4 cpu us min %.3f med %.3f%n",
                fib[0],
                fib[fib.length / 2],
                sends / fib[0] / 1e3,
                sends / fib[fib.length / 2] / 1e3,
                tpf[0],
                tpf[tpf.length / 2]);
    }
}
