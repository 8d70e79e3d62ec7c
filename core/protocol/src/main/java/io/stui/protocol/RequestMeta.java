package io.stui.protocol;

/**
 * What an answer must echo from its request: the encoding to answer in, the request id and, when
 * it could be read, the command. Available even when decoding failed (with what could be recovered).
 *
 * @param encoding the request's encoding; {@link Encoding#COMMAND} when it could not be told
 * @param id       the request id as sent: a {@link String}, a {@link Long} or {@link java.math.BigInteger}
 *                 (integer ids are echoed as numbers), or null when absent or unreadable
 * @param command  the command, or null when it could not be read
 */
public record RequestMeta(Encoding encoding, Object id, Command command) {

    /** Meta for a frame of which nothing could be read. */
    public static final RequestMeta UNKNOWN = new RequestMeta(Encoding.COMMAND, null, null);

    public RequestMeta {
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is required");
        }
    }

    /** The id as text (for logs and correlation), or null. */
    public String idText() {
        return id == null ? null : id.toString();
    }
}
