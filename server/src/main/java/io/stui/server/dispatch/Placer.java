package io.stui.server.dispatch;

import io.stui.protocol.request.Request;

/**
 * Chooses where a request runs. Every {@link Placement} is one (it places every request alike); a row whose cost
 * depends on the request's parameters gives its own.
 */
@FunctionalInterface
public interface Placer {
    Placement place(Request request);
}
