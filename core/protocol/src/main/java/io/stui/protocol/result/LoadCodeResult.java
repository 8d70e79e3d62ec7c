package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code load_code}: what the load defined (all of it, or nothing: a failed load is an error answer).
 *
 * @param classesDefined  the classes defined or redefined, in load order
 * @param traitsDefined   the traits defined or redefined
 * @param methodsDefined  how many methods were compiled (extensions included)
 * @param doitsEvaluated  how many top-level expressions of chunk files were evaluated
 */
public record LoadCodeResult(
        List<String> classesDefined, List<String> traitsDefined, int methodsDefined, int doitsEvaluated)
        implements CommandResult {
    public Command command() {
        return Command.LOAD_CODE;
    }
}
