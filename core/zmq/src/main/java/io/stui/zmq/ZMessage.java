package io.stui.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A multipart message: an ordered list of frames, sent with SNDMORE on all but the last and
 * received while RCVMORE is set. Frames are plain byte arrays; the message owns no native memory.
 * Not thread-safe.
 */
public final class ZMessage implements Iterable<byte[]> {
    private final List<byte[]> frames;

    /** An empty message. */
    public ZMessage() {
        this.frames = new ArrayList<>();
    }

    /** An empty message with room for {@code frames} frames before its list grows. */
    ZMessage(int frames) {
        this.frames = new ArrayList<>(frames);
    }

    /** The message's own (mutable) frame list, for the socket that fills it. */
    List<byte[]> frameList() {
        return frames;
    }

    private ZMessage(List<byte[]> frames) {
        this.frames = frames;
    }

    /** A message of these frames (the arrays are not copied). */
    public static ZMessage of(byte[]... frames) {
        return new ZMessage(new ArrayList<>(Arrays.asList(frames)));
    }

    /** A message of these strings, each encoded as UTF-8. */
    public static ZMessage ofStrings(String... frames) {
        ZMessage m = new ZMessage();
        for (String f : frames) {
            m.add(f);
        }
        return m;
    }

    /** Appends a frame. */
    public ZMessage add(byte[] frame) {
        frames.add(frame);
        return this;
    }

    /** Appends a UTF-8 frame. */
    public ZMessage add(String frame) {
        frames.add(frame.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Inserts a frame at the front (for example a routing id before sending on a ROUTER). */
    public ZMessage push(byte[] frame) {
        frames.addFirst(frame);
        return this;
    }

    /** Removes and returns the first frame. */
    public byte[] pop() {
        return frames.removeFirst();
    }

    /** Removes and returns the first frame as UTF-8 text. */
    public String popString() {
        return new String(pop(), StandardCharsets.UTF_8);
    }

    /** The frame at {@code index}. */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    /** The frame at {@code index} as UTF-8 text. */
    public String frameString(int index) {
        return new String(frames.get(index), StandardCharsets.UTF_8);
    }

    /** The number of frames. */
    public int size() {
        return frames.size();
    }

    /** True if there are no frames. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** A read-only view of the frames. */
    public List<byte[]> frames() {
        return java.util.Collections.unmodifiableList(frames);
    }

    @Override
    public Iterator<byte[]> iterator() {
        return frames().iterator();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ZMessage[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(frames.get(i).length).append('B');
        }
        return sb.append(']').toString();
    }
}
