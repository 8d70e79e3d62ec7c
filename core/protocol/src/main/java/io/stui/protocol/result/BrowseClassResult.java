package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code browse_class}. A list that was not asked for is null.
 *
 * @param classInfo       the class
 * @param instanceMethods instance-side methods
 * @param classMethods    class-side methods
 * @param instanceVars    instance variable names
 * @param classVars       class variable names
 */
public record BrowseClassResult(
        ClassInfo classInfo,
        List<MethodInfo> instanceMethods,
        List<MethodInfo> classMethods,
        List<String> instanceVars,
        List<String> classVars)
        implements CommandResult {
    public Command command() {
        return Command.BROWSE_CLASS;
    }
}
