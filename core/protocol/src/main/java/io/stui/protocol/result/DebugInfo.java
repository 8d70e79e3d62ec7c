package io.stui.protocol.result;

import java.util.List;
import java.util.Map;

/**
 * Where a debug operation left the debugged computation.
 *
 * @param currentLine   1-based line in the current method's source, or null
 * @param currentMethod {@code Class>>selector} of the current frame, or null
 * @param localVars     local variable name to printString
 * @param stackTrace    frames, innermost first ({@code GetStackTrace}), or null
 */
public record DebugInfo(
        Integer currentLine, String currentMethod, Map<String, String> localVars, List<String> stackTrace) {}
