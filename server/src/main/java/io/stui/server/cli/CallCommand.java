package io.stui.server.cli;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.protocol.JsonText;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stui call <command> key=value…}: one request, the JSON answer on stdout. */
@picocli.CommandLine.Command(
        name = "call",
        mixinStandardHelpOptions = true,
        description = {
            "Send one request and print the JSON answer.",
            "Values are read as JSON when they parse (42, true, {\"a\":1}), else as strings.",
            "Example: stui call evaluate code='3 + 4'"
        })
final class CallCommand implements Callable<Integer> {

    /*
     * Values are parsed and the answer printed with the protocol's streaming JSON (JsonText), not an ObjectMapper:
     * building one cost this short-lived command about 20 ms of its start. Only an error's details use one.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Mixin
    ClientOptionsMixin client;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "Command name, e.g. ping or create_session.")
    String command;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Parameters.")
    List<String> pairs = List.of();

    /**
     * Parses {@code key=value} pairs; a value is JSON when it parses as JSON, else a string. A key given twice, or a
     * JSON value the protocol refuses, is an {@link IllegalArgumentException} saying which.
     */
    static ObjectNode parameters(List<String> pairs) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Parameter '" + pair + "' is not key=value.");
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (params.has(key)) {
                throw new IllegalArgumentException("Parameter '" + key + "' is given twice.");
            }
            JsonNode node;
            try {
                // the whole value or nothing: 3 + 4 is a string, not the number 3 with trailing text
                node = JsonText.parse(value);
            } catch (java.io.IOException e) {
                if (e.getCause() instanceof StuiException || e instanceof StreamConstraintsException) {
                    // JSON the protocol refuses (a duplicate key, nested too deep): sent as a string, it would hide
                    throw new IllegalArgumentException("Parameter '" + key + "': " + e.getMessage() + " in its JSON.");
                }
                node = JsonNodeFactory.instance.textNode(value);
            }
            params.set(key, node);
        }
        return params;
    }

    @Override
    public Integer call() throws Exception {
        Command cmd = Command.fromName(command).orElse(null);
        if (cmd == null) {
            System.err.println("stui call: unknown command '" + command + "'; known: "
                    + java.util.Arrays.stream(Command.values())
                            .map(Command::snakeName)
                            .toList());
            return 2;
        }
        ObjectNode params;
        try {
            params = parameters(pairs);
        } catch (IllegalArgumentException e) {
            System.err.println("stui call: " + e.getMessage());
            return 2;
        }
        try (StuiClient c = StuiClient.connect(client.options())) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            try {
                JsonNode result = c.call(cmd, params);
                out.put("status", "success");
                out.set("result", result);
                System.out.println(JsonText.writePretty(out));
                return 0;
            } catch (StuiException e) {
                System.out.println(JsonText.writePretty(errorJson(e)));
                return 1;
            }
        }
    }

    static ObjectNode errorJson(StuiException e) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("status", "error");
        out.put("error_type", e.code().wireName());
        out.put("error", e.getMessage());
        if (!e.details().isEmpty()) {
            out.set("details", Mapper.JSON.valueToTree(e.details()));
        }
        if (e.stackTraceText() != null) {
            out.put("stack_trace", e.stackTraceText());
        }
        return out;
    }
}
