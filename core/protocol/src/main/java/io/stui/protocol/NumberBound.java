package io.stui.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The bound on number tokens in a request, checked before any number is converted: a number longer than
 * {@link #MAX_LENGTH} characters is refused wherever it stands (an ignored field, deep inside
 * {@code state_data}), because converting a number of n digits costs n squared and one frame of the
 * 1 MiB limit once held the front thread for tens of seconds. The blocking parser enforces the same
 * bound itself ({@link ProtocolJson}); the non-blocking one does not, so the decoder checks each token.
 */
final class NumberBound {
    /**
     * The longest number token accepted: every 64-bit integer ({@code -9223372036854775808} is 20
     * characters) and every double as Java prints it ({@code -1.2345678901234567E-308}, 24).
     */
    static final int MAX_LENGTH = 24;

    /** The error text; it never echoes the number. */
    static final String MESSAGE = "Request has a number longer than " + MAX_LENGTH
            + " characters; numbers must be 64-bit integers or doubles (send longer values as strings).";

    private NumberBound() {}

    /** Refuses the current token if it is a number longer than {@link #MAX_LENGTH}. */
    static void check(JsonParser p, JsonToken t) throws IOException {
        if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) && p.getTextLength() > MAX_LENGTH) {
            throw new StuiException(ErrorCode.INVALID_REQUEST, MESSAGE);
        }
    }

    /** Skips the value whose first token is current (as {@code skipChildren}), checking every number in it. */
    static void skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        check(p, t);
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            t = p.nextToken();
            if (t == null || t == JsonToken.NOT_AVAILABLE) {
                throw new IOException("the request ended inside a value");
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> check(p, t);
            }
        }
    }
}
