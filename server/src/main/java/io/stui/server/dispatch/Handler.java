package io.stui.server.dispatch;

import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;

/** Answers one decoded request; throws {@link StuiException} for protocol errors. */
@FunctionalInterface
public interface Handler {
    CommandResult handle(Request request);
}
