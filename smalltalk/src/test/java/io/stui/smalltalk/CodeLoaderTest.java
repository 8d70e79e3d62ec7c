package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading Tonel packages and chunk-format file-outs into a workspace: all or nothing, kept as written. */
class CodeLoaderTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    static final String COUNTER = """
            "
            I count things.
            "
            Class {
            \t#name : 'Counter',
            \t#superclass : 'Object',
            \t#instVars : [
            \t\t'count'
            \t],
            \t#classVars : [ 'Made' ],
            \t#classInstVars : [ 'last' ],
            \t#category : 'Demo-Core',
            \t#package : 'Demo',
            \t#tag : 'Core'
            }

            { #category : 'instance creation' }
            Counter class >> startingAt: anInteger [

            \t^ self new setCount: anInteger
            ]

            { #category : 'accessing' }
            Counter >> count [
            \t"the count so far"
            \t<demoPragma: 42>
            \t^ count ifNil: [ 0 ]
            ]

            { #category : 'private' }
            Counter >> setCount: anInteger [
            \tcount := anInteger
            ]

            { #category : 'counting' }
            Counter >> increment [
            \t"brackets in strings and characters do not end the body: ] $] ']'"
            \tcount := self count + 1.
            \t^ self
            ]
            """;

    static final String PACKAGE = "Package { #name : 'Demo' }\n";

    static final String EXTENSION = """
            Extension { #name : 'Integer' }

            { #category : '*Demo' }
            Integer >> asCounter [
            \t^ Counter startingAt: self
            ]
            """;

    private static List<SourceFile> demo() {
        return List.of(
                new SourceFile("Demo/package.st", PACKAGE),
                new SourceFile("Demo/Integer.extension.st", EXTENSION),
                new SourceFile("Demo/Counter.class.st", COUNTER));
    }

    @Test
    void aTonelPackageLoadsAndRuns() {
        try (Workspace ws = engine.newWorkspace()) {
            LoadResult r = ws.load(demo(), EvalLimits.defaults());
            assertTrue(r.ok(), () -> r.failure().describe());
            assertEquals(List.of("Counter"), r.classesDefined());
            assertEquals(5, r.methodsDefined());
            assertEquals("4", ws.evaluate("(3 asCounter) increment count").printString());
            assertEquals("#(#count)", ws.evaluate("Counter instVarNames").printString());
            assertEquals("'Demo'", ws.evaluate("Counter package").printString());
        }
    }

    @Test
    void loadedDefinitionsBrowseAsWritten() {
        try (Workspace ws = engine.newWorkspace()) {
            assertTrue(ws.load(demo(), EvalLimits.defaults()).ok());
            Reflection.ClassDescription d = ws.describeClass("Counter").orElseThrow();
            assertEquals("Demo-Core", d.info().category());
            assertEquals("I count things.", d.info().comment());
            assertEquals(List.of("Made"), d.classVariables());
            assertEquals(List.of("last"), d.classInstanceVariables());
            Reflection.MethodInfo m = ws.method("Counter", "count", false).orElseThrow();
            assertEquals("count\n\t\"the count so far\"\n\t<demoPragma: 42>\n\t^ count ifNil: [ 0 ]", m.source());
            assertEquals("accessing", m.category());
            Reflection.MethodInfo cm = ws.method("Counter", "startingAt:", true).orElseThrow();
            assertEquals("startingAt: anInteger\n\n\t^ self new setCount: anInteger", cm.source());
            assertEquals(
                    "*Demo",
                    ws.method("Integer", "asCounter", false).orElseThrow().category());
            assertEquals(
                    List.of("Counter"),
                    ws.listClasses("*", false).stream()
                            .map(Reflection.ClassInfo::name)
                            .toList());
        }
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumnAndChangesNothing() {
        String broken = COUNTER.replace("count := self count + 1.", "count := self count + .");
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("Object subclass: #Keep instanceVariableNames: '' classVariableNames: '' package: 'K'");
            LoadResult r = ws.load(
                    List.of(
                            new SourceFile("Demo/Integer.extension.st", EXTENSION),
                            new SourceFile("Demo/Counter.class.st", broken)),
                    EvalLimits.defaults());
            assertFalse(r.ok());
            assertEquals("Demo/Counter.class.st", r.failure().file());
            assertEquals(38, r.failure().line(), r.failure().describe());
            assertEquals(24, r.failure().column(), r.failure().describe());
            assertEquals(
                    "ClassNotFound",
                    ws.evaluate("Smalltalk at: #Counter ifAbsent: ['ClassNotFound']")
                            .printString()
                            .replace("'", ""));
            assertFalse(ws.evaluate("3 respondsTo: #asCounter").printString().equals("true"));
            assertEquals("Keep", ws.evaluate("Keep").printString());
        }
    }

    @Test
    void aFailureAfterDefinitionsBeganPutsTheWorkspaceBack() {
        String missingSuper = """
                Class { #name : 'Orphan', #superclass : 'NoSuchClass', #category : 'Demo' }
                """;
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("Object subclass: #Counter instanceVariableNames: 'old' classVariableNames: '' package: 'Old'");
            ws.evaluate("Counter compile: 'old ^#old'");
            LoadResult r = ws.load(
                    List.of(
                            new SourceFile("Demo/Counter.class.st", COUNTER),
                            new SourceFile("Demo/Orphan.class.st", missingSuper)),
                    EvalLimits.defaults());
            assertFalse(r.ok());
            assertEquals("Demo/Orphan.class.st", r.failure().file());
            assertEquals(1, r.failure().line());
            assertTrue(
                    r.failure().message().contains("NoSuchClass"), r.failure().message());
            assertEquals("#(#old)", ws.evaluate("Counter instVarNames").printString());
            assertEquals("#old", ws.evaluate("Counter new old").printString());
            assertEquals(
                    "false", ws.evaluate("Counter includesSelector: #increment").printString());
            assertEquals("'Old'", ws.evaluate("Counter category").printString());
        }
    }

    @Test
    void aLenientLoadLeavesOutWhatItCannotDefine() {
        String missingSuper = """
                Class { #name : 'Orphan', #superclass : 'NoSuchClass', #category : 'Demo' }

                Orphan >> foo [ ^ 1 ]
                """;
        String child = "Class { #name : 'OrphanChild', #superclass : 'Orphan', #category : 'Demo' }\n";
        try (Workspace ws = engine.newWorkspace()) {
            List<SourceFile> files = new java.util.ArrayList<>(demo());
            files.add(new SourceFile("Demo/Orphan.class.st", missingSuper));
            files.add(new SourceFile("Demo/OrphanChild.class.st", child));
            LoadResult r = ws.load(files, EvalLimits.defaults(), true);
            assertTrue(r.ok());
            assertEquals(List.of("Counter"), r.classesDefined());
            assertEquals(2, r.skipped().size(), r.skipped().toString());
            assertEquals("4", ws.evaluate("(3 asCounter) increment count").printString());
        }
    }

    @Test
    void aChunkFileOutLoads() {
        String fileOut = """
                Object subclass: #Greeter
                \tinstanceVariableNames: 'name'
                \tclassVariableNames: ''
                \tpackage: 'Demo-Chunks'!

                Greeter comment: 'I greet; I say hello!! to you'!

                !Greeter methodsFor: 'accessing'!
                name: aString
                \tname := aString!
                greeting
                \t^ 'Hello, ', name, '!!'! !

                !Greeter class methodsFor: 'instance creation' stamp: 'me 12/5/2026 10:00'!
                named: aString
                \t^ self new name: aString; yourself! !
                """;
        try (Workspace ws = engine.newWorkspace()) {
            LoadResult r = ws.load(List.of(new SourceFile("greeter.st", fileOut)), EvalLimits.defaults());
            assertTrue(r.ok(), () -> r.failure().describe());
            assertEquals(List.of("Greeter"), r.classesDefined());
            assertEquals(3, r.methodsDefined());
            assertEquals(
                    "'Hello, Ann!'",
                    ws.evaluate("(Greeter named: 'Ann') greeting").printString());
            assertEquals(
                    "'I greet; I say hello! to you'",
                    ws.evaluate("Greeter comment").printString());
            assertEquals(
                    "accessing",
                    ws.method("Greeter", "greeting", false).orElseThrow().category());
        }
    }

    @Test
    void aChunkSyntaxErrorNamesItsLine() {
        String fileOut = """
                Object subclass: #Greeter
                \tinstanceVariableNames: 'name'
                \tclassVariableNames: ''
                \tpackage: 'Demo-Chunks'!

                !Greeter methodsFor: 'accessing'!
                greeting
                \t^ 'Hello, ' , , name! !
                """;
        try (Workspace ws = engine.newWorkspace()) {
            LoadResult r = ws.load(List.of(new SourceFile("greeter.st", fileOut)), EvalLimits.defaults());
            assertFalse(r.ok());
            assertEquals(8, r.failure().line());
            assertEquals(
                    "nil", ws.evaluate("Smalltalk at: #Greeter ifAbsent: [nil]").printString());
        }
    }
}
