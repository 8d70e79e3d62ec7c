package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code implementors}.
 *
 * @param items      the page asked for, sorted by class, side and selector
 * @param totalCount how many methods matched
 */
public record ImplementorsResult(List<MethodReference> items, int totalCount) implements CommandResult {
    public Command command() {
        return Command.IMPLEMENTORS;
    }
}
