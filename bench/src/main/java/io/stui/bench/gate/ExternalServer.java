package io.stui.bench.gate;

import java.util.OptionalLong;

/** A server someone else started; the gate only connects to it. */
public record ExternalServer(String endpoint, OptionalLong pid) implements ServerUnderTest {
    @Override
    public String description() {
        return "running server at " + endpoint + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "");
    }

    @Override
    public boolean fixedReplies() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
