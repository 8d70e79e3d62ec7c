package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Where a debug operation left the debugged computation.
 *
 * @param currentLine   1-based line in the current method's source, or null
 * @param currentMethod {@code Class>>selector} of the current frame, or null
 * @param localVars     local variable name to printString
 * @param stackTrace    frames, innermost first ({@code GetStackTrace}), or null
 * @param debugId       live debugger only: the suspended evaluation
 * @param state         live debugger only: {@code suspended}, {@code finished} or {@code terminated}
 * @param reason        live debugger only, when suspended: {@code breakpoint}, {@code step}, {@code halt}, {@code exception}
 * @param frames        live debugger only, when suspended: every frame
 * @param result        live debugger only, once finished: the value's printString or the failure
 */
public record DebugInfo(
        Integer currentLine,
        String currentMethod,
        Map<String, String> localVars,
        List<String> stackTrace,
        @JsonInclude(JsonInclude.Include.NON_NULL) String debugId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StackFrame> frames,
        @JsonInclude(JsonInclude.Include.NON_NULL) String result) {
    /** A post-mortem answer (the only kind before the live debugger). */
    public DebugInfo(
            Integer currentLine, String currentMethod, Map<String, String> localVars, List<String> stackTrace) {
        this(currentLine, currentMethod, localVars, stackTrace, null, null, null, null, null);
    }
}
