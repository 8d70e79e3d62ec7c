package io.stui.smalltalk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test runner's command line: what it prints and its exit codes. */
class TestMainTest {
    @TempDir
    Path dir;

    private record Run(int code, List<String> out, String err) {}

    private static Run run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TestMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                code, List.of(out.toString(StandardCharsets.UTF_8).split("\n")), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String pkgName, String file, String text) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve(pkgName));
        Files.writeString(pkg.resolve("package.st"), "Package { #name : '" + pkgName + "' }\n");
        Files.writeString(pkg.resolve(file), text);
        return pkg;
    }

    static final String TESTS = """
            Class {
            \t#name : 'CalcTest',
            \t#superclass : 'TestCase',
            \t#instVars : [ 'x' ],
            \t#package : 'Calc-Tests'
            }

            CalcTest >> setUp [
            \tx := 3
            ]

            CalcTest >> testSum [
            \tself assert: x + 4 equals: 7
            ]

            CalcTest >> testWrongSum [
            \tself assert: x + 4 = 7.
            \tself assert: x + 4 equals: 8
            ]

            CalcTest >> testDivideByZero [
            \t^ x / 0
            ]

            CalcTest >> testLater [
            \tself skip: 'not written yet'
            ]

            CalcTest >> testRaises [
            \tself should: [ x foo ] raise: MessageNotUnderstood.
            \tself shouldnt: [ x + 1 ] raise: Error
            ]

            CalcTest >> testLoopsForever [
            \t[ true ] whileTrue
            ]

            CalcTest >> expectedFailures [
            \t^ #(testKnownBug)
            ]

            CalcTest >> testKnownBug [
            \tself assert: false
            ]
            """;

    @Test
    void failuresErrorsAndSkipsAreReportedAndTheLastLineCounts() throws IOException {
        Path pkg = write("Calc-Tests", "CalcTest.class.st", TESTS);
        Run r = run("-t", "0.5", pkg.toString());
        assertEquals(1, r.code());
        assertEquals(
                List.of(
                        "FAIL CalcTest>>#testDivideByZero (line 2): ZeroDivide",
                        "FAIL CalcTest>>#testLoopsForever: Timeout: the evaluation ran past its time limit",
                        "FAIL CalcTest>>#testWrongSum (line 3): Got 7 instead of 8.",
                        "SKIP CalcTest>>#testLater (line 2): not written yet",
                        "3 passed, 3 failed, 1 skipped"),
                r.out());
    }

    @Test
    void allPassingExitsZero() throws IOException {
        Path pkg = write(
                "Ok-Tests",
                "OkTest.class.st",
                "Class { #name : 'OkTest', #superclass : 'TestCase', #package : 'Ok-Tests' }\n\n"
                        + "OkTest >> testOne [ self assert: 1 < 2 ]\n");
        Run r = run(pkg.toString());
        assertEquals(0, r.code());
        assertEquals(List.of("1 passed, 0 failed"), r.out());
    }

    @Test
    void aPackageThatDoesNotLoadIsBadUsage() throws IOException {
        Path pkg = write("Bad-Tests", "BadTest.class.st", "Class { #name : 'BadTest', #superclass : 'Missing' }\n");
        Run r = run(pkg.toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("Bad-Tests/BadTest.class.st:1:1: the superclass Missing of BadTest is not defined"),
                r.err());
        Run lenient = run("--lenient", pkg.toString());
        assertEquals(0, lenient.code());
        assertTrue(lenient.err().contains("left out: Bad-Tests/BadTest.class.st:1:1"), lenient.err());
        assertEquals(List.of("0 passed, 0 failed"), lenient.out());
    }
}
