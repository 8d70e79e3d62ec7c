package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code references}.
 *
 * @param items      the page asked for, sorted by class, side and selector
 * @param totalCount how many methods matched
 */
public record ReferencesResult(List<MethodReference> items, int totalCount) implements CommandResult {
    public Command command() {
        return Command.REFERENCES;
    }
}
