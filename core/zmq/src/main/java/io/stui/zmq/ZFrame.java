package io.stui.zmq;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame of a message, as JeroMQ's {@code ZFrame}: bytes, plus whether more frames followed it when it
 * was received. Frames of a whole message travel in a {@link ZMsg}. Not thread-safe.
 */
public final class ZFrame {
    private final byte[] data;
    private final boolean more;

    /** A frame holding {@code data} (not copied). */
    public ZFrame(byte[] data) {
        this(data, false);
    }

    /** A frame holding the UTF-8 bytes of {@code text}. */
    public ZFrame(String text) {
        this(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** An empty frame (a delimiter). */
    public ZFrame() {
        this(new byte[0], false);
    }

    private ZFrame(byte[] data, boolean more) {
        this.data = java.util.Objects.requireNonNull(data, "data");
        this.more = more;
    }

    /**
     * Receives one frame, blocking (or as {@code flags} say); null if none came (DONTWAIT, or RCVTIMEO
     * elapsed).
     */
    public static ZFrame recvFrame(ZSocket socket, int flags) {
        byte[] b = socket.receive(flags).orElse(null);
        return b == null ? null : new ZFrame(b, socket.hasReceiveMore());
    }

    /** Receives one frame, blocking; null only if RCVTIMEO elapsed. */
    public static ZFrame recvFrame(ZSocket socket) {
        return recvFrame(socket, 0);
    }

    /** Sends this frame with {@link ZSocket#SNDMORE} and/or {@link ZSocket#DONTWAIT}; false if it would block. */
    public boolean send(ZSocket socket, int flags) {
        return socket.send(data, flags);
    }

    /** The frame's bytes (not a copy). */
    public byte[] getData() {
        return data;
    }

    /** The number of bytes. */
    public int size() {
        return data.length;
    }

    /** True if the frame has at least one byte. */
    public boolean hasData() {
        return data.length > 0;
    }

    /** True if, when this frame was received, more frames of the same message followed it. */
    public boolean hasMore() {
        return more;
    }

    /** The bytes as text in {@code charset}. */
    public String getString(Charset charset) {
        return new String(data, charset);
    }

    /** True if the frame's bytes are the UTF-8 bytes of {@code text}. */
    public boolean streq(String text) {
        return Arrays.equals(data, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes in hexadecimal, upper case (as JeroMQ's {@code strhex}). */
    public String strhex() {
        return HexFormat.of().withUpperCase().formatHex(data);
    }

    /** This frame, marked as followed by more frames (as received in the middle of a message). */
    ZFrame withMore() {
        return new ZFrame(data, true);
    }

    /** A frame with a copy of these bytes. */
    public ZFrame duplicate() {
        return new ZFrame(data.clone(), more);
    }

    /** Frames are equal when their bytes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ZFrame f && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** The bytes as UTF-8 text. */
    @Override
    public String toString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
