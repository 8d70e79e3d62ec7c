package io.stui.zmq.spi;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * One backend socket. Internal SPI behind {@link io.stui.zmq.ZSocket}; not for application use.
 *
 * <p>Would-block is reported as a result (false, null, -1); every real error throws
 * {@link io.stui.zmq.ZmqException}. Implementations retry EINTR. Not thread-safe.
 */
public interface SocketDriver {
    void bind(String endpoint);

    void connect(String endpoint);

    void unbind(String endpoint);

    void disconnect(String endpoint);

    /** Sends {@code len} bytes of {@code data} from {@code off}; false if it would block. */
    boolean send(byte[] data, int off, int len, int flags);

    /** Sends the remaining bytes of {@code buf} (position is advanced on success); false if it would block. */
    boolean send(ByteBuffer buf, int flags);

    /** Sends the whole segment; false if it would block. */
    boolean send(MemorySegment data, int flags);

    /** Receives one frame into a new array; null if it would block. */
    byte[] receive(int flags);

    /**
     * Receives one frame into {@code buf}, copying at most {@code len} bytes. Returns the frame's full
     * size (larger than {@code len} means truncated), or -1 if it would block.
     */
    int receive(byte[] buf, int off, int len, int flags);

    /** As {@link #receive(byte[], int, int, int)} into the buffer's remaining space; advances its position by the bytes copied. */
    int receive(ByteBuffer buf, int flags);

    /** As {@link #receive(byte[], int, int, int)} into the segment. */
    long receive(MemorySegment buf, int flags);

    /**
     * Receives one frame and hands {@code reader} a read-only view of its bytes, valid only during the call
     * (no copy into the caller's memory). Returns the frame's size, or -1 if it would block.
     */
    long receive(io.stui.zmq.ZSocket.FrameReader reader, int flags);

    /**
     * Receives one frame and sends that same frame on {@code target} (a socket of the same backend, possibly
     * this one) without copying it into Java memory; see {@link io.stui.zmq.ZSocket#forward}. Returns the
     * frame's size, -1 if nothing could be received without blocking, or {@link io.stui.zmq.ZSocket#HELD}
     * if the target would not take the frame (it is then held here, and the next forward sends it first).
     */
    long forward(SocketDriver target, int flags);

    /** The operation a forward's send error names, the same on every backend: the frame is not kept. */
    String FORWARD_SEND = "forward (sending the received frame; it was dropped)";

    /** Drops a frame held by a {@link #forward} whose send would have blocked; false if none was held. */
    boolean discardHeld();

    /** Throws {@link io.stui.zmq.ZmqException} with ENOTSOCK once the socket is closed; otherwise returns at once. */
    void checkOpen(String operation);

    /** True if the last frame received has more frames after it. */
    boolean hasMore();

    /**
     * Whether each receive reads the {@code User-Id} property of its frame (what the ZAP handler named the
     * sending connection's peer), for {@link #lastUserId}. Off by default: it costs a call per frame.
     */
    void recordUserId(boolean on);

    /** The {@code User-Id} of the last frame received while recording, or null (none, or not recording). */
    String lastUserId();

    void setInt(OptionId option, int value);

    void setLong(OptionId option, long value);

    void setBytes(OptionId option, byte[] value);

    int getInt(OptionId option);

    long getLong(OptionId option);

    byte[] getBytes(OptionId option);

    String getString(OptionId option);

    /** Starts (endpoint non-null) or stops (null) publishing monitor events to an inproc PAIR endpoint. */
    void monitor(String endpoint, int events);

    /** Closes the socket; pending messages are kept for LINGER. Idempotent. */
    void close();
}
