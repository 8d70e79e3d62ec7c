package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code list_classes}.
 *
 * @param classes    the matching classes, at most {@code limit}
 * @param totalCount how many matched before the limit
 */
public record ListClassesResult(List<ClassInfo> classes, long totalCount) implements CommandResult {
    public Command command() {
        return Command.LIST_CLASSES;
    }
}
