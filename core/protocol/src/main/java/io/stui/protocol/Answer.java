package io.stui.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer as a client receives it, in either encoding: success with a result, or an error.
 *
 * @param encoding     the answer's encoding
 * @param requestId    the id of the request it answers ({@code id} in the command encoding,
 *                     {@code correlation_id} in the envelope); String, Long, BigInteger or null
 * @param messageId    the envelope's own fresh id (null in the command encoding)
 * @param responseType the envelope's {@code response_type} (PascalCase command name or "Error");
 *                     null in the command encoding
 * @param timestamp    the answer's timestamp text, or null
 * @param result       the result object on success, else null
 * @param error        the error on failure, else null
 */
public record Answer(
        Encoding encoding,
        Object requestId,
        String messageId,
        String responseType,
        String timestamp,
        JsonNode result,
        StuiException error) {

    /** True for a success answer. */
    public boolean isSuccess() {
        return error == null;
    }

    /** The request id as text, or null. */
    public String requestIdText() {
        return requestId == null ? null : requestId.toString();
    }

    /** The result, or throws the answer's error. */
    public JsonNode resultOrThrow() {
        if (error != null) {
            throw error;
        }
        return result;
    }

    /**
     * The result bound to a result record (e.g. {@code EvaluateResult.class}); throws the answer's
     * error if it is one, or an {@code InternalError} {@link StuiException} if the result does not fit.
     */
    public <T> T resultAs(Class<T> type) {
        JsonNode node = resultOrThrow();
        try {
            return ProtocolJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new StuiException(
                    ErrorCode.INTERNAL_ERROR,
                    "The server's result does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    null,
                    null,
                    e);
        }
    }
}
