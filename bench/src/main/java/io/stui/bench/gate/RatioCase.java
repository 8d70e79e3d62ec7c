package io.stui.bench.gate;

import io.stui.bench.load.CommandKind;
import java.util.Objects;

/**
 * One load of the comparison with the C ceiling: a command sent alone, under the name its figures
 * take ({@code ping.share}, {@code evaluate_loop.p99_ratio}).
 *
 * <p>Two cases may send the same command with different code: {@code evaluate} with {@code 3 + 4}
 * measures the request path (the evaluation is a few percent of it), a case with a loop measures the
 * evaluator, so a slower interpreter shows in its share instead of vanishing in the noise.
 *
 * @param name    the figures' prefix: the command's label, or the name the gate file gives the case
 * @param command what every request of the case sends
 * @param code    the Smalltalk its evaluate requests send, or null for the gate file's default
 */
public record RatioCase(String name, CommandKind command, String code) {

    public RatioCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
    }

    /** The case a bare command name in the gate file stands for. */
    public static RatioCase of(CommandKind command) {
        return new RatioCase(command.label(), command, null);
    }
}
