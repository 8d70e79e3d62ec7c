package io.stui.smalltalk;

import java.util.List;

/**
 * What a load did. When {@link #ok()} is false, {@link #failure()} says why and the workspace is as it was before
 * the call. {@code skipped} lists what a lenient load left out (empty otherwise).
 */
public record LoadResult(
        LoadFailure failure,
        List<String> classesDefined,
        List<String> traitsDefined,
        int methodsDefined,
        int doitsEvaluated,
        List<LoadFailure> skipped) {

    public boolean ok() {
        return failure == null;
    }

    static LoadResult failed(LoadFailure f) {
        return new LoadResult(f, List.of(), List.of(), 0, 0, List.of());
    }
}
