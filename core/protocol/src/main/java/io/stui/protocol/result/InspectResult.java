package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code inspect}.
 *
 * @param objectId       the inspected object's id in the registry (null outside a session)
 * @param objectInfo     class, printString, hash, size
 * @param instanceVars   name to printString, in declaration order
 * @param instanceVarIds name to object id, for drilling down
 * @param indexed        printStrings of the first 100 indexed elements
 * @param methods        the class's selectors when asked ({@code include_methods}), else null
 */
public record InspectResult(
        String objectId,
        ObjectInfo objectInfo,
        Map<String, String> instanceVars,
        Map<String, String> instanceVarIds,
        List<String> indexed,
        List<String> methods)
        implements CommandResult {
    public Command command() {
        return Command.INSPECT;
    }
}
