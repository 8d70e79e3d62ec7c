package io.stui.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.request.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stui eval '<code>' [--session ID]}: evaluate on a server and print the result. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate Smalltalk on a server and print the printString of the result.",
            "Example: stui eval '(1 to: 5) inject: 0 into: [:a :b | a + b]'"
        })
final class EvalCommand implements Callable<Integer> {

    @Mixin
    ClientOptionsMixin client;

    @Parameters(index = "0", paramLabel = "CODE", description = "Smalltalk statements.")
    String code;

    @Option(
            names = {"-s", "--session"},
            description = "Session id (variables persist between evaluations).")
    String session;

    @Override
    public Integer call() {
        try (StuiClient c = StuiClient.connect(client.options())) {
            // The request record checks the arguments as the typed call does; its parameters go as a map and the
            // result is read from the answer's tree: binding records through Jackson's mapper (building it, its
            // serialisers and deserialisers) cost this short-lived command about 40 ms of its start.
            Request.Evaluate request = new Request.Evaluate(code, session, true);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("code", request.code());
            if (request.sessionId() != null) {
                params.put("session_id", request.sessionId());
            }
            params.put("return_string", request.returnString());
            JsonNode r = c.call(io.stui.protocol.Command.EVALUATE, params);
            String transcript = text(r, "transcript");
            if (transcript != null && !transcript.isEmpty()) {
                System.out.print(transcript);
                if (!transcript.endsWith("\n")) {
                    System.out.println();
                }
            }
            System.out.println(text(r, "result"));
            return 0;
        } catch (StuiException e) {
            System.err.println(e.code().wireName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** A text member of the result, or null when it is absent or null (printed as {@code null}, as before). */
    private static String text(JsonNode result, String name) {
        JsonNode n = result.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }
}
