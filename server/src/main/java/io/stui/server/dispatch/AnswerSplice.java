package io.stui.server.dispatch;

import io.stui.protocol.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Adds the optional top-level {@code warnings} field to an encoded answer. Answers of both encodings are one JSON
 * object whose last byte is its closing brace, so the field goes just before it; only the rare answer that owes a
 * warning pays for the copy.
 */
final class AnswerSplice {
    private AnswerSplice() {}

    static byte[] withWarnings(byte[] answer, int length, List<String> warnings) {
        int close = length - 1;
        while (close > 0 && answer[close] != '}') {
            close--;
        }
        byte[] field = (",\"warnings\":" + JsonText.write(warnings)).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length + field.length];
        System.arraycopy(answer, 0, out, 0, close);
        System.arraycopy(field, 0, out, close, field.length);
        System.arraycopy(answer, close, out, close + field.length, length - close);
        return out;
    }
}
