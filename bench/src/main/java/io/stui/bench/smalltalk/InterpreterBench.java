package io.stui.bench.smalltalk;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The interpreter's two classic figures, each next to the same algorithm written in Java and run in the same
 * rounds: a send-heavy doubly recursive {@code benchFib:} (answers the number of calls it made, which Pharo's
 * tinyBenchmarks reports as sends) and a bytecode-heavy sieve of 8190 flags. Must run on an evaluation thread
 * (the workspace then runs Smalltalk on the caller's thread, so thread CPU time covers all of it).
 */
public final class InterpreterBench {
    /** Flags in one sieve round, the size tinyBenchmarks uses. */
    static final int SIEVE_SIZE = 8190;
    /** Bytecodes Pharo counts for one round of its sieve benchmark (its bytecodes/s = rounds * this / seconds). */
    static final long PHARO_BYTECODES_PER_ROUND = 500_000;

    static final String DEFINITIONS = """
            Object subclass: #StuiInterpBench instanceVariableNames: '' classVariableNames: '' package: 'Bench'.
            StuiInterpBench compile: 'benchFib: n
            	"the number of benchFib: calls made"
            	n < 2 ifTrue: [^1].
            	^(self benchFib: n - 1) + (self benchFib: n - 2) + 1'.
            StuiInterpBench compile: 'sieve: rounds
            	"primes among 8190 flags, computed rounds times"
            	| size flags count |
            	size := 8190.
            	1 to: rounds do: [:r |
            		count := 0.
            		flags := Array new: size withAll: true.
            		1 to: size do: [:i |
            			(flags at: i) ifTrue: [| prime k |
            				prime := i + 1.
            				k := i + prime.
            				[k <= size] whileTrue: [flags at: k put: false. k := k + prime].
            				count := count + 1]]].
            	^count'.
            StuiInterpBench new""";

    /** One figure: Smalltalk and Java times of the same work, thread CPU and wall, over the measured rounds. */
    public record Figure(String name, long work, Stats stCpu, Stats stWall, Stats javaCpu, Stats javaWall) {
        /** Smalltalk time over Java time, on the medians of thread CPU time. */
        public double ratio() {
            return stCpu.median() / javaCpu.median();
        }
    }

    /** Min and median of a series of milliseconds. */
    public record Stats(double min, double median) {
        public static Stats of(double[] ms) {
            double[] s = ms.clone();
            Arrays.sort(s);
            return new Stats(s[0], s[s.length / 2]);
        }
    }

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Workspace ws;
    private final EvalLimits limits;

    public InterpreterBench(Workspace ws) {
        this.ws = ws;
        // generous limits: the figures must not end early on a slow machine
        this.limits = EvalLimits.defaults().withTimeout(java.time.Duration.ofMinutes(5));
        EvalResult r = ws.evaluate(DEFINITIONS, limits);
        if (!r.ok()) throw new IllegalStateException("bench definitions failed: " + r.printString());
    }

    /** {@code benchFib: n} in Smalltalk and Java, {@code warmup} unmeasured rounds then {@code rounds} measured. */
    public Figure benchFib(int n, int warmup, int rounds) {
        long calls = javaBenchFib(n);
        check("StuiInterpBench new benchFib: " + n, calls);
        return measure("benchFib", calls, "StuiInterpBench new benchFib: " + n, () -> javaBenchFib(n), warmup, rounds);
    }

    /** The sieve, {@code sieveRounds} passes per run, in Smalltalk and Java. */
    public Figure sieve(int sieveRounds, int warmup, int rounds) {
        long primes = javaSieve(sieveRounds);
        check("StuiInterpBench new sieve: " + sieveRounds, primes);
        return measure(
                "sieve",
                sieveRounds * PHARO_BYTECODES_PER_ROUND,
                "StuiInterpBench new sieve: " + sieveRounds,
                () -> javaSieve(sieveRounds),
                warmup,
                rounds);
    }

    private void check(String expr, long expected) {
        EvalResult r = ws.evaluate(expr, limits);
        if (!r.ok() || !r.printString().equals(Long.toString(expected)))
            throw new IllegalStateException(expr + " answered " + r.printString() + ", Java " + expected);
    }

    private Figure measure(
            String name, long work, String expr, java.util.function.LongSupplier java, int warmup, int rounds) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            ws.evaluate(expr, limits);
            for (int j = 0; j < 20; j++) sink += java.getAsLong();
        }
        double[] stCpu = new double[rounds], stWall = new double[rounds];
        double[] jCpu = new double[rounds], jWall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            EvalResult r = ws.evaluate(expr, limits);
            stCpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            stWall[i] = (System.nanoTime() - w0) / 1e6;
            if (!r.ok()) throw new IllegalStateException(expr + " failed: " + r.printString());
            // Java is fast enough that one run is below the CPU clock's resolution: time several, report one
            int reps = 10;
            c0 = mx.getCurrentThreadCpuTime();
            w0 = System.nanoTime();
            for (int j = 0; j < reps; j++) sink += java.getAsLong();
            jCpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / reps;
            jWall[i] = (System.nanoTime() - w0) / 1e6 / reps;
        }
        if (sink == 42) System.out.print(""); // keeps the Java runs from being optimised away
        return new Figure(name, work, Stats.of(stCpu), Stats.of(stWall), Stats.of(jCpu), Stats.of(jWall));
    }

    /** The Java twin of {@code benchFib:}. */
    static long javaBenchFib(int n) {
        return n < 2 ? 1 : javaBenchFib(n - 1) + javaBenchFib(n - 2) + 1;
    }

    /** The Java twin of {@code sieve:}. */
    static long javaSieve(int rounds) {
        int count = 0;
        for (int r = 1; r <= rounds; r++) {
            count = 0;
            boolean[] flags = new boolean[SIEVE_SIZE + 1];
            Arrays.fill(flags, true);
            for (int i = 1; i <= SIEVE_SIZE; i++) {
                if (flags[i]) {
                    int prime = i + 1;
                    for (int k = i + prime; k <= SIEVE_SIZE; k += prime) flags[k] = false;
                    count++;
                }
            }
        }
        return count;
    }
}
