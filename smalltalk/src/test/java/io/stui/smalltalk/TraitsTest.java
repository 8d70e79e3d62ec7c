package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Traits as Pharo has them: composition, exclusion, aliases, and methods that behave as if written in the user. */
class TraitsTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    private static String eval(Workspace ws, String code) {
        var r = ws.evaluate(code);
        return r.ok() ? r.printString() : "Error: " + r.failure().describe();
    }

    private static void defineGreeting(Workspace ws) {
        eval(ws, "Trait named: #TGreets uses: {} package: 'Demo'");
        eval(ws, "TGreets compile: 'greet ^''hello from '', self name'");
        eval(ws, "TGreets compile: 'shout ^self greet asUppercase'");
        eval(ws, "Trait named: #TCounts uses: {} package: 'Demo'");
        eval(ws, "TCounts compile: 'count ^42'");
        eval(ws, "TCounts compile: 'greet ^''counting'''");
    }

    @Test
    void aClassUsingATraitUnderstandsItsMethods() {
        try (Workspace ws = engine.newWorkspace()) {
            defineGreeting(ws);
            eval(
                    ws,
                    "Object subclass: #Person uses: TGreets instanceVariableNames: 'n' classVariableNames: '' package: 'Demo'");
            eval(ws, "Person compile: 'name ^n ifNil: [''Ann'']'");
            assertEquals("'hello from Ann'", eval(ws, "Person new greet"));
            assertEquals("'HELLO FROM ANN'", eval(ws, "Person new shout"));
            assertEquals("TGreets", eval(ws, "Person traitComposition"));
            assertEquals("true", eval(ws, "Person includesSelector: #greet"));
            assertEquals("false", eval(ws, "Person isLocalSelector: #greet"));
            assertEquals("TGreets", eval(ws, "Person traitOriginOf: #greet"));
            assertEquals("true", eval(ws, "TGreets isTrait"));
            assertEquals("false", eval(ws, "Person isTrait"));
        }
    }

    @Test
    void theClassesOwnMethodsWinAndSuperMeansTheClasssSuperclass() {
        try (Workspace ws = engine.newWorkspace()) {
            defineGreeting(ws);
            eval(ws, "Object subclass: #Base instanceVariableNames: '' classVariableNames: '' package: 'Demo'");
            eval(ws, "Base compile: 'describe ^''base'''");
            eval(ws, "Trait named: #TDescribes uses: {} package: 'Demo'");
            eval(ws, "TDescribes compile: 'describe ^''trait on '', super describe'");
            eval(ws, "TDescribes compile: 'kind ^#trait'");
            eval(ws, "Base subclass: #Derived instanceVariableNames: '' classVariableNames: '' package: 'Demo'");
            eval(ws, "Derived compile: 'kind ^#own'");
            eval(ws, "Derived uses: TDescribes");
            assertEquals("'trait on base'", eval(ws, "Derived new describe"));
            assertEquals("#own", eval(ws, "Derived new kind"));
        }
    }

    @Test
    void compositionExclusionAndAliases() {
        try (Workspace ws = engine.newWorkspace()) {
            defineGreeting(ws);
            eval(ws, "Object subclass: #Both instanceVariableNames: '' classVariableNames: '' package: 'Demo'");
            eval(ws, "Both compile: 'name ^''Bo'''");
            eval(ws, "Both uses: TGreets + (TCounts - {#greet})");
            assertEquals("'hello from Bo'", eval(ws, "Both new greet"));
            assertEquals("42", eval(ws, "Both new count"));
            assertEquals("TGreets + TCounts - {#greet}", eval(ws, "Both traitComposition"));

            eval(ws, "Both uses: TGreets + (TCounts @ {#countGreet -> #greet} - {#greet})");
            assertEquals("'counting'", eval(ws, "Both new countGreet"));
            assertEquals("'hello from Bo'", eval(ws, "Both new greet"));

            eval(ws, "Both uses: TGreets + TCounts");
            assertTrue(eval(ws, "Both new greet").contains("conflict"), eval(ws, "Both new greet"));
        }
    }

    @Test
    void aTraitChangedLaterReachesItsUsers() {
        try (Workspace ws = engine.newWorkspace()) {
            defineGreeting(ws);
            eval(
                    ws,
                    "Object subclass: #Late uses: TCounts instanceVariableNames: '' classVariableNames: '' package: 'Demo'");
            eval(ws, "TCounts compile: 'count ^43'");
            assertEquals("43", eval(ws, "Late new count"));
        }
    }

    @Test
    void tonelTraitsWithClassSides() {
        String trait = """
                Trait {
                \t#name : 'TNamed',
                \t#package : 'Demo'
                }

                TNamed >> label [ ^ 'I am ', self class name ]

                TNamed classSide >> make [ ^ self new ]
                """;
        String user = """
                Class {
                \t#name : 'Widget',
                \t#superclass : 'Object',
                \t#traits : 'TNamed',
                \t#classTraits : 'TNamed classTrait',
                \t#package : 'Demo'
                }
                """;
        try (Workspace ws = engine.newWorkspace()) {
            LoadResult r = ws.load(
                    List.of(
                            new SourceFile("Demo/Widget.class.st", user),
                            new SourceFile("Demo/TNamed.trait.st", trait)),
                    EvalLimits.defaults());
            assertTrue(r.ok(), () -> r.failure().describe());
            assertEquals(List.of("TNamed"), r.traitsDefined());
            assertEquals("'I am Widget'", eval(ws, "Widget make label"));
            assertEquals("TNamed classTrait", eval(ws, "Widget class traitComposition"));
        }
    }

    @Test
    void aSnapshotKeepsWhatTraitsGaveTheClass() {
        try (Workspace ws = engine.newWorkspace()) {
            defineGreeting(ws);
            eval(
                    ws,
                    "Object subclass: #Kept uses: TCounts instanceVariableNames: '' classVariableNames: '' package: 'Demo'");
            try (Workspace back = engine.restoreWorkspace(ws.snapshot())) {
                assertEquals("42", eval(back, "Kept new count"));
            }
        }
    }
}
