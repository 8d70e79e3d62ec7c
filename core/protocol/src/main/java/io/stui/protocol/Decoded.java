package io.stui.protocol;

import io.stui.protocol.request.Request;

/**
 * The outcome of decoding one request frame: a valid request, or an error to answer. Both carry
 * the {@link RequestMeta} the answer must echo.
 */
public sealed interface Decoded {

    /** What the answer echoes (encoding, id, command). */
    RequestMeta meta();

    /** A valid request. */
    record Ok(RequestMeta meta, Request request) implements Decoded {}

    /** A frame that is not a valid request; answer it with {@link ProtocolCodec#encodeError}. */
    record Failed(RequestMeta meta, StuiException error) implements Decoded {}
}
