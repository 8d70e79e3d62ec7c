package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code describe}: what this server offers, like nREPL's describe.
 *
 * @param serverVersion   the server's version
 * @param protocolVersion the protocol version it speaks
 * @param encodings       {@code command} and {@code envelope}
 * @param commands        every command with its parameters
 * @param limits          the limits in force (name to value)
 * @param capabilities    what is available (name to value: debugger, events endpoint, completion...)
 */
public record DescribeResult(
        String serverVersion,
        String protocolVersion,
        List<String> encodings,
        List<CommandDescription> commands,
        Map<String, Object> limits,
        Map<String, Object> capabilities)
        implements CommandResult {
    public Command command() {
        return Command.DESCRIBE;
    }
}
