package io.stui.protocol.result;

import java.util.List;

/**
 * One command as {@code describe} lists it.
 *
 * @param command     the command encoding's name
 * @param requestType the envelope encoding's name
 * @param parameters  its parameter names (snake_case)
 */
public record CommandDescription(String command, String requestType, List<String> parameters) {}
