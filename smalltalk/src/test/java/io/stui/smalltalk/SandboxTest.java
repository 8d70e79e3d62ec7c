package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Smalltalk code cannot reach files, sockets, processes, threads or Java, and cannot change the shared kernel. */
class SandboxTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'/etc/passwd' asFileReference contents",
                "FileStream readOnlyFileNamed: '/etc/passwd'",
                "FileSystem disk root",
                "(Smalltalk at: #File) named: '/etc/passwd'",
                "OSProcess command: 'touch /tmp/pwned'",
                "LibC system: 'touch /tmp/pwned'",
                "Socket newTCP",
                "ZnClient new get: 'http://example.com'",
                "[3 + 4] fork",
                "[3 + 4] forkAt: 40",
                "Processor activeProcess",
                "Smalltalk at: #System",
                "Smalltalk at: #Runtime",
                "Smalltalk at: #JavaClass",
                "'java.lang.Runtime' asClass",
                "Object perform: #forName: with: 'java.lang.System'",
                "Smalltalk os",
                "Smalltalk quit",
                "Smalltalk image",
                "3 become: 4",
                "ExternalAddress new",
                "Object compile: 'hack <primitive: ''basicNew''> ^1'",
                "Object compile: 'hack <primitive: ''exit''> ^1'",
            })
    void refused(String attempt) {
        EvalResult r = ws.evaluate(attempt);
        assertFalse(r.ok(), () -> attempt + " answered " + r.printString());
        assertTrue(
                r.failure().kind() == EvalFailure.Kind.ERROR || r.failure().kind() == EvalFailure.Kind.SYNTAX,
                () -> r.failure().describe());
        assertFalse(new java.io.File("/tmp/pwned").exists());
    }

    @Test
    void primitivesCannotBeDeclaredFromAWorkspace() {
        EvalResult r = ws.evaluate("Object compile: 'hack <primitive: ''basicNew''> ^1'");
        assertEquals("SyntaxErrorNotification", r.failure().errorClass());
        assertTrue(
                r.failure().messageText().contains("Primitives are reserved"),
                r.failure().messageText());
    }

    @Test
    void kernelMethodsCannotBeRemovedOrKernelClassesAltered() {
        assertEquals(
                "ModificationForbidden",
                ws.evaluate("Object removeSelector: #printString").failure().errorClass());
        assertEquals(
                "ModificationForbidden",
                ws.evaluate("Object category: 'Mine'").failure().errorClass());
        assertEquals(
                "ModificationForbidden",
                ws.evaluate("Object addClassVarNamed: 'X'").failure().errorClass());
        assertEquals(
                "ModificationForbidden",
                ws.evaluate("Object class instanceVariableNames: 'x'").failure().errorClass());
        assertFalse(ws.evaluate("Point instVarAt: 1 put: nil").ok());
        try (Workspace other = SmalltalkEngine.boot().newWorkspace()) {
            assertEquals("'an Object'", other.evaluate("Object new printString").printString());
        }
    }

    @Test
    void overridingKernelBehaviourStaysInTheWorkspace() {
        assertTrue(ws.evaluate("SmallInteger compile: '+ other ^42'").ok());
        assertTrue(ws.evaluate("Smalltalk at: #Transcript put: nil").ok());
        try (Workspace other = SmalltalkEngine.boot().newWorkspace()) {
            assertEquals("7", other.evaluate("3 perform: #+ with: 4").printString());
            EvalResult t = other.evaluate("Transcript show: 'still here'. 1");
            assertEquals("still here", t.transcript());
        }
    }

    @Test
    void reflectionExposesNoJava() {
        EvalResult r = ws.evaluate(
                "(Smalltalk keys select: [:k | (k includesSubstring: 'java') or: [k includesSubstring: 'Java']]) size");
        assertEquals("0", r.printString());
        assertEquals("#SmallInteger", ws.evaluate("3 class name").printString()); // a Symbol, as in Pharo
        assertEquals("Context", ws.evaluate("thisContext class").printString());
    }
}
