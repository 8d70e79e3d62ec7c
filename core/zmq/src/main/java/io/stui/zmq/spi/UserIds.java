package io.stui.zmq.spi;

/**
 * What a {@link SocketDriver} keeps for {@link SocketDriver#recordUserId} and {@link SocketDriver#lastUserId}, the
 * same for both backends: whether to read each received frame's {@code User-Id}, and the last one read.
 */
public final class UserIds {
    private boolean recording;
    private String last;

    /** Starts or stops recording; either way the last id is forgotten. */
    public void record(boolean on) {
        recording = on;
        last = null;
    }

    /** True while recording: the driver reads the {@code User-Id} of each frame it receives. */
    public boolean recording() {
        return recording;
    }

    /** A frame came with this {@code User-Id} property; null or empty when its connection had none. */
    public void received(String userId) {
        last = userId == null || userId.isEmpty() ? null : userId;
    }

    /** The {@code User-Id} of the last frame received while recording, or null. */
    public String last() {
        return last;
    }
}
