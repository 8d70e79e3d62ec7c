package io.stui.protocol;

import io.stui.protocol.request.Request;

/**
 * The outcome of decoding one request frame: a valid request, or an error to answer. Both carry
 * the {@link RequestMeta} the answer must echo.
 */
public sealed interface Decoded {

    /** What the answer echoes (encoding, id, command). */
    RequestMeta meta();

    /**
     * A valid request.
     *
     * @param authToken the request's top-level {@code auth_token}, or null when it sent none; a credential, so
     *                  {@link #toString()} never shows it
     */
    record Ok(RequestMeta meta, Request request, String authToken) implements Decoded {

        /** A request that carries no token. */
        public Ok(RequestMeta meta, Request request) {
            this(meta, request, null);
        }

        @Override
        public String toString() {
            return "Ok[meta=" + meta + ", request=" + request + ", authToken=" + (authToken == null ? "none" : "***")
                    + "]";
        }
    }

    /** A frame that is not a valid request; answer it with {@link ProtocolCodec#encodeError}. */
    record Failed(RequestMeta meta, StuiException error) implements Decoded {}
}
