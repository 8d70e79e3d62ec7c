package io.stui.server.cli;

import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.EvaluateResult;
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
            EvaluateResult r = c.evaluate(code, session);
            if (!r.transcript().isEmpty()) {
                System.out.print(r.transcript());
                if (!r.transcript().endsWith("\n")) {
                    System.out.println();
                }
            }
            System.out.println(r.result());
            return 0;
        } catch (StuiException e) {
            System.err.println(e.code().wireName() + ": " + e.getMessage());
            return 1;
        }
    }
}
