package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code class_hierarchy}.
 *
 * @param superclasses the superclass chain, nearest first
 * @param subclasses   the subclass tree of the class
 */
public record ClassHierarchyResult(List<String> superclasses, List<ClassNode> subclasses) implements CommandResult {
    public Command command() {
        return Command.CLASS_HIERARCHY;
    }
}
