package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param elements       the page of elements asked for ({@code offset}, {@code limit}), each with its object id
 * @param offset         the first element of the page (0-based)
 * @param limit          the page size asked for
 * @param totalCount     how many elements the object has (indexed slots, collection elements or dictionary entries)
 */
public record InspectResult(
        String objectId,
        ObjectInfo objectInfo,
        Map<String, String> instanceVars,
        Map<String, String> instanceVarIds,
        List<String> indexed,
        List<String> methods,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InspectElement> elements,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer offset,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer totalCount)
        implements CommandResult {
    /** An inspection without a page of elements (as before paging). */
    public InspectResult(
            String objectId,
            ObjectInfo objectInfo,
            Map<String, String> instanceVars,
            Map<String, String> instanceVarIds,
            List<String> indexed,
            List<String> methods) {
        this(objectId, objectInfo, instanceVars, instanceVarIds, indexed, methods, null, null, null, null);
    }

    public Command command() {
        return Command.INSPECT;
    }
}
