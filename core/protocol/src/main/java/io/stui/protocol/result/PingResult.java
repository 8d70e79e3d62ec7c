package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code ping}.
 *
 * @param message       the request's message, or {@code "pong"}
 * @param status        {@code "ready"} when the server takes requests
 * @param uptime        seconds since the server started
 * @param serverVersion the server's version
 * @param zmqBackend    the ZeroMQ backend in use ({@code native} or {@code jeromq})
 */
public record PingResult(String message, String status, long uptime, String serverVersion, String zmqBackend)
        implements CommandResult {
    public Command command() {
        return Command.PING;
    }
}
