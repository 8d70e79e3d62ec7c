package io.stui.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A multipart message as a double-ended queue of {@link ZFrame}s, as JeroMQ's {@code ZMsg}: build it
 * with {@code add}/{@code push}, take it apart with {@code pop}, send or receive it whole.
 *
 * <pre>{@code
 * ZMsg msg = new ZMsg();
 * msg.addString("hello");
 * msg.add(payload);
 * msg.send(socket);                       // every frame, SNDMORE on all but the last
 * ZMsg reply = ZMsg.recvMsg(socket);      // all frames of one message, or null on timeout
 * String first = reply.popString();
 * }</pre>
 *
 * {@link ZMessage} is the same thing as a list of {@code byte[]}, for code that indexes frames. Not
 * thread-safe.
 */
public final class ZMsg implements Iterable<ZFrame> {
    private final ArrayDeque<ZFrame> frames = new ArrayDeque<>();

    /** An empty message. */
    public ZMsg() {}

    /** A message of one UTF-8 frame per string. */
    public static ZMsg newStringMsg(String... strings) {
        ZMsg msg = new ZMsg();
        for (String s : strings) {
            msg.addString(s);
        }
        return msg;
    }

    /**
     * Receives all frames of one message as {@code flags} say; null if the first frame did not come
     * (DONTWAIT, or RCVTIMEO elapsed). Once the first frame is here the rest are read without waiting.
     */
    public static ZMsg recvMsg(ZSocket socket, int flags) {
        List<byte[]> parts = new ArrayList<>(4);
        if (!socket.receiveFrames(parts, flags)) {
            return null;
        }
        ZMsg msg = new ZMsg();
        for (int i = 0; i < parts.size(); i++) {
            msg.frames.addLast(i < parts.size() - 1 ? new ZFrame(parts.get(i)).withMore() : new ZFrame(parts.get(i)));
        }
        return msg;
    }

    /** Receives all frames of one message, blocking; null only if RCVTIMEO elapsed. */
    public static ZMsg recvMsg(ZSocket socket) {
        return recvMsg(socket, 0);
    }

    /**
     * Sends every frame ({@link ZSocket#SNDMORE} on all but the last). With {@link ZSocket#DONTWAIT}, false
     * if the first frame would block (then nothing was sent); later frames of an accepted message are
     * queued at once by ZeroMQ.
     *
     * @throws IllegalArgumentException for a message with no frames (ZeroMQ has no empty message)
     */
    public boolean send(ZSocket socket, int flags) {
        int n = frames.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot send a message with no frames");
        }
        ZMessage whole = new ZMessage(n);
        for (ZFrame f : frames) {
            whole.add(f.getData());
        }
        return socket.send(whole, flags);
    }

    /** Sends every frame, blocking as needed; false only if SNDTIMEO elapsed on the first frame. */
    public boolean send(ZSocket socket) {
        return send(socket, 0);
    }

    /** Sends the message and, if {@code destroy}, empties it (JeroMQ's {@code send(socket, destroy)}). */
    public boolean send(ZSocket socket, boolean destroy) {
        boolean sent = send(socket, 0);
        if (destroy) {
            destroy();
        }
        return sent;
    }

    /** Appends a frame. */
    public ZMsg add(ZFrame frame) {
        frames.addLast(frame);
        return this;
    }

    /** Appends a frame of these bytes. */
    public ZMsg add(byte[] data) {
        return add(new ZFrame(data));
    }

    /** Appends a UTF-8 frame. */
    public ZMsg add(String text) {
        return add(new ZFrame(text));
    }

    /** Appends a UTF-8 frame (JeroMQ's name). */
    public ZMsg addString(String text) {
        return add(text);
    }

    /** Appends a frame (as {@link #add(ZFrame)}). */
    public ZMsg addLast(ZFrame frame) {
        return add(frame);
    }

    /** Appends a UTF-8 frame. */
    public ZMsg addLast(String text) {
        return add(text);
    }

    /** Puts a frame first. */
    public ZMsg addFirst(ZFrame frame) {
        frames.addFirst(frame);
        return this;
    }

    /** Puts a UTF-8 frame first. */
    public ZMsg addFirst(String text) {
        return addFirst(new ZFrame(text));
    }

    /** Puts a frame first (a stack's push). */
    public ZMsg push(ZFrame frame) {
        return addFirst(frame);
    }

    /** Puts a frame of these bytes first. */
    public ZMsg push(byte[] data) {
        return addFirst(new ZFrame(data));
    }

    /** Puts a UTF-8 frame first. */
    public ZMsg push(String text) {
        return addFirst(new ZFrame(text));
    }

    /** Removes and returns the first frame; null if the message is empty. */
    public ZFrame pop() {
        return frames.pollFirst();
    }

    /** Removes the first frame and returns it as UTF-8 text; null if the message is empty. */
    public String popString() {
        ZFrame f = pop();
        return f == null ? null : f.getString(StandardCharsets.UTF_8);
    }

    /** Removes and returns the last frame; null if empty. */
    public ZFrame removeLast() {
        return frames.pollLast();
    }

    /** The first frame, not removed; null if empty. */
    public ZFrame peekFirst() {
        return frames.peekFirst();
    }

    /** The last frame, not removed; null if empty. */
    public ZFrame peekLast() {
        return frames.peekLast();
    }

    /** The first frame, not removed; null if empty. */
    public ZFrame getFirst() {
        return frames.peekFirst();
    }

    /** The last frame, not removed; null if empty. */
    public ZFrame getLast() {
        return frames.peekLast();
    }

    /** Puts {@code address} and an empty delimiter frame first: the envelope a ROUTER expects. */
    public ZMsg wrap(ZFrame address) {
        frames.addFirst(new ZFrame());
        frames.addFirst(address);
        return this;
    }

    /** Removes and returns the first frame, and the empty delimiter after it if there is one. */
    public ZFrame unwrap() {
        ZFrame address = pop();
        ZFrame next = frames.peekFirst();
        if (next != null && !next.hasData()) {
            frames.pollFirst();
        }
        return address;
    }

    /** The number of frames. */
    public int size() {
        return frames.size();
    }

    /** True if the message has no frames. */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** The total number of bytes of all frames. */
    public long contentSize() {
        long n = 0;
        for (ZFrame f : frames) {
            n += f.size();
        }
        return n;
    }

    /** A copy with copies of every frame. */
    public ZMsg duplicate() {
        ZMsg copy = new ZMsg();
        for (ZFrame f : frames) {
            copy.frames.addLast(f.duplicate());
        }
        return copy;
    }

    /** Removes every frame. */
    public void destroy() {
        frames.clear();
    }

    /** The frames as a {@link ZMessage} (the same byte arrays). */
    public ZMessage toMessage() {
        ZMessage m = new ZMessage(frames.size());
        for (ZFrame f : frames) {
            m.add(f.getData());
        }
        return m;
    }

    @Override
    public Iterator<ZFrame> iterator() {
        return frames.iterator();
    }

    /** Frames as UTF-8 text, in brackets. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ZMsg[");
        for (ZFrame f : frames) {
            if (sb.length() > 5) {
                sb.append(", ");
            }
            sb.append(f);
        }
        return sb.append(']').toString();
    }
}
