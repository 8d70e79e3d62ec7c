package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code run_tests}.
 *
 * @param passed   tests that passed (expected failures that failed count here, as in Pharo)
 * @param failed   tests whose assertion failed, and expected failures that passed
 * @param errors   tests that signaled another error or ran past their limits
 * @param skipped  tests that sent {@code skip}
 * @param failures every test that did not pass, skipped ones included, in run order
 */
public record RunTestsResult(int passed, int failed, int errors, int skipped, List<TestFailure> failures)
        implements CommandResult {
    public Command command() {
        return Command.RUN_TESTS;
    }
}
