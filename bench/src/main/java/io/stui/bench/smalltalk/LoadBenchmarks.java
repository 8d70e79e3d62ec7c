package io.stui.bench.smalltalk;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.LoadResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.Workspace;
import java.util.ArrayList;
import java.util.List;
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
 * Loading code: a generated Tonel package of 50 classes (a chain of 5 hierarchies, 3 instance variables and 12
 * methods each, one trait used by all) into a fresh workspace, all or nothing. Run with
 * {@code ./mvnw -q -pl smalltalk test-compile exec:exec -Djmh.filter=LoadBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class LoadBenchmarks {
    static final int CLASSES = 50;
    private List<SourceFile> files;
    private Workspace ws;

    @Setup(Level.Trial)
    public void setUp() {
        files = generatedPackage();
        ws = SmalltalkEngine.boot().newWorkspace();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ws.close();
    }

    /** The whole load of the package into a cleared workspace. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LoadResult load50Classes() {
        ws.clear();
        LoadResult r = ws.load(files, EvalLimits.defaults());
        if (!r.ok() || r.classesDefined().size() != CLASSES) throw new IllegalStateException(String.valueOf(r));
        return r;
    }

    public static List<SourceFile> generatedPackage() {
        List<SourceFile> out = new ArrayList<>();
        out.add(new SourceFile("Bench-Gen/package.st", "Package { #name : 'Bench-Gen' }\n"));
        out.add(new SourceFile("Bench-Gen/TDescribed.trait.st", """
                Trait { #name : 'TDescribed', #package : 'Bench-Gen' }

                { #category : 'describing' }
                TDescribed >> describe [
                \t^ self class name , ': ' , self total printString
                ]
                """));
        for (int i = 0; i < CLASSES; i++) {
            String name = "Gen" + i;
            String sup = i % 10 == 0 ? "Object" : "Gen" + (i - 1);
            StringBuilder s = new StringBuilder();
            s.append("\"\nGenerated class ").append(i).append(" of the load benchmark.\n\"\n");
            s.append("Class {\n\t#name : '")
                    .append(name)
                    .append("',\n\t#superclass : '")
                    .append(sup);
            s.append("',\n\t#traits : 'TDescribed',\n\t#classTraits : 'TDescribed classTrait',");
            s.append("\n\t#instVars : [ 'a")
                    .append(i)
                    .append("', 'b")
                    .append(i)
                    .append("', 'c")
                    .append(i);
            s.append("' ],\n\t#category : 'Bench-Gen'\n}\n");
            for (int m = 0; m < 10; m++) {
                s.append("\n{ #category : 'computing' }\n")
                        .append(name)
                        .append(" >> step")
                        .append(m);
                s.append(": x [\n\t| t |\n\tt := x * ")
                        .append(m + 1)
                        .append(" + (a")
                        .append(i);
                s.append(
                        " ifNil: [ 0 ]).\n\tt > 100 ifTrue: [ ^ t \\\\ 7 ].\n\t^ #(1 2 3) inject: t into: [ :acc :e | acc + e ]\n]\n");
            }
            s.append("\n{ #category : 'accessing' }\n")
                    .append(name)
                    .append(" >> total [\n\t^ (1 to: 10) inject: 0 into: [ :acc :k | acc + (self step1: k) ]\n]\n");
            s.append("\n{ #category : 'instance creation' }\n")
                    .append(name)
                    .append(" class >> withA: n [\n\t^ self new instVarNamed: 'a")
                    .append(i)
                    .append("' put: n; yourself\n]\n");
            out.add(new SourceFile("Bench-Gen/" + name + ".class.st", s.toString()));
        }
        return out;
    }
}
