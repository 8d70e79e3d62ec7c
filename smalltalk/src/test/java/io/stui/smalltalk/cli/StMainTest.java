package io.stui.smalltalk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-alone evaluator: arguments, files and stdin of '!'-separated chunks, exit codes. */
class StMainTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String stdin, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StMain.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void expressionsAsArguments() throws IOException {
        Run r = run("", "3 + 4", "x := 10", "x * 2", "#(1 $a)");
        assertEquals(0, r.code());
        assertEquals("7\n10\n20\n#(1 $a)\n", r.out());
    }

    @Test
    void failingChunkGivesExitCodeOne() throws IOException {
        Run r = run("", "-q", "1/0", "2 + 2");
        assertEquals(1, r.code());
        assertEquals("Error: ZeroDivide: ZeroDivide\n4\n", r.out());
    }

    @Test
    void chunksFromStdinWithTranscript() throws IOException {
        String script =
                "Object subclass: #Greeter\n  instanceVariableNames: ''\n  classVariableNames: ''\n  package: 'Demo'.\n"
                        + "Greeter compile: 'greet: who ^''Hello, '', who, ''!'''\n!\nTranscript show: 'side effect'; cr.\nGreeter new greet: 'World'\n!\n";
        Run r = run(script, "-");
        assertEquals(0, r.code(), r.out());
        assertEquals("#greet:\nside effect\n'Hello, World!'\n", r.out());
    }

    @Test
    void fileInputAndSyntaxErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.st");
        Files.writeString(f, "3 factorial\n!\n3 +\n!\n");
        Run r = run("", "-f", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("6\nError: SyntaxError: "), r.out());
        assertTrue(r.out().contains("(line 2, column 1)"), r.out());
    }

    @Test
    void usageErrors() throws IOException {
        assertEquals(2, run("").code());
        assertEquals(2, run("", "-t").code());
        assertEquals(0, run("", "-h").code());
    }

    @Test
    void timeLimitOption() throws IOException {
        Run r = run("", "-q", "-t", "0.3", "[true] whileTrue");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Error: Timeout"), r.out());
    }

    @Test
    void loadsAPackageBeforeTheExpressions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path pkg = java.nio.file.Files.createDirectories(dir.resolve("Demo"));
        java.nio.file.Files.writeString(pkg.resolve("package.st"), "Package { #name : 'Demo' }\n");
        java.nio.file.Files.writeString(
                pkg.resolve("Doubler.class.st"),
                "Class { #name : 'Doubler', #superclass : 'Object', #package : 'Demo' }\n\n"
                        + "Doubler class >> double: n [ ^ n * 2 ]\n");
        Run r = run("", "--load", pkg.toString(), "Doubler double: 21");
        assertEquals(0, r.code(), r.err());
        assertEquals("Loaded 1 classes, 0 traits, 1 methods\n42\n", r.out());

        java.nio.file.Files.writeString(pkg.resolve("Broken.class.st"), "Class { #name : 'Broken' \n");
        Run bad = run("", "-q", "--load", pkg.toString(), "3 + 4");
        assertEquals(1, bad.code());
        assertEquals("Error: load failed: Demo/Broken.class.st:2:1: ',' or '}' expected\n", bad.out());
    }
}
