package io.stui.protocol.request;

import io.stui.protocol.StuiException;
import java.util.regex.Pattern;

/** Semantic checks shared by the request records: required values, identifier formats, ranges. */
final class Checks {
    /** Client ids: a letter or digit, then up to 127 of letters, digits and {@code . _ : @ -}. */
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    /** Session and object ids: 1 to 128 of letters, digits and {@code . _ : -}. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Checks() {}

    static <T> T required(String field, T value, String command) {
        if (value == null) {
            throw StuiException.invalidField(field, "Missing required parameter '" + field + "' for " + command + ".");
        }
        return value;
    }

    static String nonBlank(String field, String value, String command) {
        required(field, value, command);
        if (value.isBlank()) {
            throw StuiException.invalidField(field, "Parameter '" + field + "' of " + command + " must not be empty.");
        }
        return value;
    }

    static String clientId(String value, String command) {
        required("client_id", value, command);
        if (!CLIENT_ID.matcher(value).matches()) {
            throw StuiException.invalidField(
                    "client_id",
                    "Parameter 'client_id' must be 1-128 letters, digits or "
                            + "'._:@-', starting with a letter or digit.");
        }
        return value;
    }

    static String sessionId(String value, String command) {
        required("session_id", value, command);
        return optionalId("session_id", value);
    }

    static String optionalId(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            throw StuiException.invalidField(
                    field, "Parameter '" + field + "' must be 1-128 letters, digits or '._:-'.");
        }
        return value;
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw StuiException.invalidField(
                    field, "Parameter '" + field + "' must be between " + min + " and " + max + ", got " + value + ".");
        }
        return value;
    }
}
