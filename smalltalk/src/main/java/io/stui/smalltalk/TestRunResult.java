package io.stui.smalltalk;

import java.time.Duration;
import java.util.List;

/**
 * What a test run found. {@code failed} counts failures and errors (an error is a test that raised something other
 * than a failed assertion, or ran past its limits); {@code problems} lists each failed and skipped test.
 * Expected failures (a test's {@code expectedFailures}) count as passed, as Pharo counts them.
 */
public record TestRunResult(
        int passed, int failed, int skipped, List<TestProblem> problems, List<ClassCount> perClass, Duration elapsed) {

    /** One test that did not pass: {@code kind} is failure, error, skipped or unexpected pass. */
    public record TestProblem(String className, String selector, Kind kind, String message, int line) {
        public String describe() {
            return className + ">>#" + selector + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
        }
    }

    public enum Kind {
        FAILURE,
        ERROR,
        SKIPPED,
        UNEXPECTED_PASS
    }

    /** Counts for one test class. */
    public record ClassCount(String className, int passed, int failed, int skipped) {
        public int run() {
            return passed + failed + skipped;
        }
    }

    /** {@code N passed, M failed} (and {@code , K skipped} when some were), the line test runners close with. */
    public String summary() {
        return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
