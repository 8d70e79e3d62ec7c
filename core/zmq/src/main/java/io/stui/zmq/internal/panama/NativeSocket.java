package io.stui.zmq.internal.panama;

import static io.stui.zmq.internal.panama.Lib.rethrow;

import io.stui.zmq.ZSocket;
import io.stui.zmq.bindings.zmq_msg_t;
import io.stui.zmq.spi.OptionId;
import io.stui.zmq.spi.SocketDriver;
import io.stui.zmq.spi.UserIds;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A libzmq socket. Owns one native block with its scratch state (a reusable zmq_msg_t for
 * receiving, one for large sends, an option buffer, the errno capture cell) and, once it sends a
 * small frame, a send buffer, so the hot paths allocate no native memory. The blocks come from
 * {@link NativeBlock} (global scope: no shared-session acquire/release around each downcall) and
 * are freed exactly once, by {@link #close()}; every operation checks {@link #checkOpen} first, so
 * nothing touches them after that. Not thread-safe: use from one thread at a time, and close (or let
 * the context close) only when no other thread is inside a call on it.
 */
final class NativeSocket implements SocketDriver {
    private static final int DONTWAIT = 1;
    private static final int SNDMORE = 2;
    /** Frames up to this size are copied into the send buffer and sent with zmq_send (one downcall). */
    private static final int SCRATCH_SIZE = 8192;

    private static final MemorySegment EMPTY_FRAME =
            MemorySegment.ofArray(new byte[0]).asReadOnly();
    /**
     * From this size heap data (a byte[], a heap segment or buffer) is sent straight from the heap, one copy
     * fewer; below it the copy into the scratch buffer costs less than the segment views the heap call needs
     * (and a small byte[] send allocates nothing).
     */
    private static final int HEAP_SEND_MIN = 1024;
    /** A received message larger than this is released right after copying, not kept until the next receive. */
    private static final long KEEP_LIMIT = 65536;

    private static final int OPT_SIZE = 256;

    private static final long RECV_MSG = 0;
    private static final long SEND_MSG = RECV_MSG + zmq_msg_t.layout().byteSize();
    private static final long OPT_LEN = SEND_MSG + zmq_msg_t.layout().byteSize();
    private static final long OPT_BUF = OPT_LEN + 8;
    private static final long CAPTURE = OPT_BUF + OPT_SIZE;
    private static final long BLOCK_SIZE = CAPTURE + Lib.CAPTURE_LAYOUT.byteSize();

    private final MemorySegment handle;
    /** The addresses the hot calls pass ({@link Lib}'s _RAW handles): the socket and its receive message. */
    private final long handleAddress;

    private final long recvMsgAddress;
    /** Everything below except {@link #scratch} is a slice of this one block. */
    private final MemorySegment block;

    private final MemorySegment capture;
    private final MemorySegment recvMsg;
    private final MemorySegment sendMsg;
    private final MemorySegment optLen;
    private final MemorySegment optBuf;
    /** Volatile so that a close from the context's thread sees (and frees) a buffer made on the socket's. */
    private volatile MemorySegment scratch;
    /** {@link #scratch}'s address, for the raw send; set with it on the socket's thread. */
    private long scratchAddress;
    /**
     * {@link #scratch} as a buffer, to copy a byte[] in: MemorySegment.copy from an array asks the array's
     * length through a native method (Array.getLength) unless C2 compiles it, which the server's profile does not.
     */
    private java.nio.ByteBuffer scratchBytes;

    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean more;
    private final UserIds userIds = new UserIds();
    /**
     * The read-only view {@link #receive(ZSocket.FrameReader, int)} lent last, reused while the frame lies at
     * the same address with the same size: libzmq keeps a small frame (up to 33 bytes) inside the zmq_msg_t
     * itself, so for small frames it is always the same view and no segment is made per frame, which
     * matters wherever no escape analysis removes them (C1, the interpreter, code C2 has not compiled yet).
     */
    private MemorySegment lent;

    private long lentAddress;
    /** {@link #recvMsg} holds a frame that {@link #forward} received but the target would not take yet. */
    private boolean held;

    private long heldSize;

    NativeSocket(MemorySegment handle) {
        this.handle = handle;
        this.handleAddress = handle.address();
        this.block = NativeBlock.allocate(BLOCK_SIZE);
        this.recvMsg = block.asSlice(RECV_MSG, zmq_msg_t.layout());
        this.recvMsgAddress = recvMsg.address();
        this.sendMsg = block.asSlice(SEND_MSG, zmq_msg_t.layout());
        this.optLen = block.asSlice(OPT_LEN, ValueLayout.JAVA_LONG);
        this.optBuf = block.asSlice(OPT_BUF, OPT_SIZE);
        this.capture = block.asSlice(CAPTURE, Lib.CAPTURE_LAYOUT);
        try {
            int rc = (int) Lib.Sockets.MSG_INIT_RAW.invokeExact(recvMsgAddress);
        } catch (Throwable t) {
            NativeBlock.free(block);
            throw rethrow(t);
        }
    }

    MemorySegment handle() {
        return handle;
    }

    /** Throws ENOTSOCK once closed: libzmq must never see a freed socket pointer. */
    @Override
    public void checkOpen(String operation) {
        if (closed.get()) {
            throw NativeErrors.closed(operation);
        }
    }

    /** {@link #checkOpen(String)} for an option call, naming the option only when it throws. */
    private void checkOpen(String verb, OptionId option) {
        if (closed.get()) {
            throw NativeErrors.closed(verb + " " + option);
        }
    }

    // ---- endpoints ----

    private void endpointCall(Lib.CFunction function, String operation, String endpoint) {
        checkOpen(operation);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ep = a.allocateFrom(endpoint);
            int rc = (int) function.call(capture, handleAddress, ep.address());
            if (rc != 0) {
                throw NativeErrors.error(operation, Lib.errno(capture), endpoint);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void bind(String endpoint) {
        endpointCall(Lib.Sockets.BIND, "bind", endpoint);
    }

    @Override
    public void connect(String endpoint) {
        endpointCall(Lib.Sockets.CONNECT, "connect", endpoint);
    }

    @Override
    public void unbind(String endpoint) {
        endpointCall(Lib.Sockets.UNBIND, "unbind", endpoint);
    }

    @Override
    public void disconnect(String endpoint) {
        endpointCall(Lib.Sockets.DISCONNECT, "disconnect", endpoint);
    }

    // ---- send ----

    private MemorySegment scratch() {
        MemorySegment s = scratch;
        if (s == null) {
            s = NativeBlock.allocate(SCRATCH_SIZE);
            scratchAddress = s.address();
            scratchBytes = s.asByteBuffer();
            scratch = s;
        }
        return s;
    }

    /** zmq_send from native memory (the send buffer, or a caller's native segment); true if queued, false if it would block. */
    private boolean sendNative(MemorySegment src, long len, int flags) {
        checkOpen("send");
        try {
            // First the call that neither waits nor captures errno; only if it fails (full queue, or an error)
            // the capturing call below runs, which tells EAGAIN/EINTR (wait, or report) from a real error.
            // The send buffer is the socket's own, so it goes by address; a caller's segment is checked
            int tried = src == scratch
                    ? (int) Lib.Send.SEND_TRY_RAW.invokeExact(handleAddress, scratchAddress, len, flags | DONTWAIT)
                    : (int) Lib.SendSegment.SEND_TRY.invokeExact(handle, src, len, flags | DONTWAIT);
            if (tried >= 0) {
                return true;
            }
            while (true) {
                int rc = (flags & DONTWAIT) != 0
                        ? (int) Lib.NotWaiting.SEND_NB.invokeExact(capture, handle, src, len, flags)
                        : (int) Lib.Waiting.SEND.invokeExact(capture, handle, src, len, flags);
                if (rc >= 0) {
                    return true;
                }
                if (!retryable(Lib.errno(capture), "send")) {
                    return false;
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Builds a zmq_msg_t of {@code len} bytes, copies {@code src} into it, and sends it; the msg is closed on every failure. */
    private boolean sendCopy(MemorySegment src, long srcOffset, long len, int flags) {
        checkOpen("send");
        try {
            if ((int) Lib.MessageSend.MSG_INIT_SIZE.invokeExact(capture, sendMsg, len) != 0) {
                throw NativeErrors.error("allocate a message of " + len + " bytes", Lib.errno(capture), null);
            }
            boolean sent = false;
            try {
                MemorySegment data = ((MemorySegment) Lib.MessageSend.MSG_DATA.invokeExact(sendMsg)).reinterpret(len);
                MemorySegment.copy(src, srcOffset, data, 0, len);
                while (true) {
                    int rc = (flags & DONTWAIT) != 0
                            ? (int) Lib.NotWaiting.MSG_SEND_NB.invokeExact(capture, sendMsg, handle, flags)
                            : (int) Lib.Waiting.MSG_SEND.invokeExact(capture, sendMsg, handle, flags);
                    if (rc >= 0) {
                        sent = true; // libzmq took ownership of the content
                        return true;
                    }
                    if (!retryable(Lib.errno(capture), "send")) {
                        return false;
                    }
                }
            } finally {
                if (!sent) {
                    int rc = (int) Lib.Sockets.MSG_CLOSE_RAW.invokeExact(sendMsg.address());
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** EAGAIN: false (would block); EINTR: true (retry); anything else throws. */
    private static boolean retryable(int errno, String operation) {
        if (errno == NativeErrors.EAGAIN) {
            return false;
        }
        if (errno == NativeErrors.EINTR) {
            return true;
        }
        throw NativeErrors.error(operation, errno, null);
    }

    @Override
    public boolean send(byte[] data, int off, int len, int flags) {
        if (len < HEAP_SEND_MIN) {
            checkOpen("send");
            MemorySegment s = scratch();
            scratchBytes.put(0, data, off, len);
            return sendNative(s, len, flags);
        }
        return sendHeap(MemorySegment.ofArray(data).asSlice(off, len), flags);
    }

    @Override
    public boolean send(ByteBuffer buf, int flags) {
        int n = buf.remaining();
        boolean sent = send(MemorySegment.ofBuffer(buf), flags);
        if (sent) {
            buf.position(buf.position() + n);
        }
        return sent;
    }

    @Override
    public boolean send(MemorySegment data, int flags) {
        long len = data.byteSize();
        if (data.isNative()) {
            return sendNative(data, len, flags); // zmq_send copies from the caller's memory
        }
        if (len < HEAP_SEND_MIN) {
            checkOpen("send");
            MemorySegment s = scratch();
            MemorySegment.copy(data, 0, s, 0, len);
            return sendNative(s, len, flags);
        }
        return sendHeap(data, flags);
    }

    /**
     * Sends a heap segment of at least {@link #HEAP_SEND_MIN} bytes. First zmq_send straight from the heap
     * without waiting: a critical downcall may read the Java heap, so the payload is copied once, into
     * libzmq's message, as a C caller's would be. Only a send that would block (and may wait) takes the
     * waiting path, from a native copy, since a critical call must not wait.
     */
    private boolean sendHeap(MemorySegment src, int flags) {
        checkOpen("send");
        long len = src.byteSize();
        try {
            while (true) {
                int rc = (int) Lib.SendSegment.SEND_HEAP_NB.invokeExact(capture, handle, src, len, flags | DONTWAIT);
                if (rc >= 0) {
                    return true;
                }
                if (!retryable(Lib.errno(capture), "send")) {
                    break;
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if ((flags & DONTWAIT) != 0) {
            return false;
        }
        if (len <= SCRATCH_SIZE) {
            MemorySegment s = scratch();
            MemorySegment.copy(src, 0, s, 0, len);
            return sendNative(s, len, flags);
        }
        return sendCopy(src, 0, len, flags);
    }

    // ---- receive ----

    /** Receives into the reusable msg; returns its size, or -1 if it would block. */
    private int recv(int flags) {
        checkOpen("receive");
        if (held) {
            // a receive into recvMsg would make libzmq close the held frame: refuse instead of losing it
            throw heldError();
        }
        try {
            // First the call that neither waits nor captures errno: under load the frame is usually there
            // already; only if it is not (or on an error) the capturing call below runs, waiting if asked to
            int tried = (int) Lib.Receive.MSG_RECV_TRY_RAW.invokeExact(recvMsgAddress, handleAddress, flags | DONTWAIT);
            if (tried >= 0) {
                more = (int) Lib.Receive.MSG_MORE_RAW.invokeExact(recvMsgAddress) != 0;
                if (userIds.recording()) {
                    userIds.received(receivedUserId());
                }
                return tried;
            }
            while (true) {
                int rc = (flags & DONTWAIT) != 0
                        ? (int) Lib.NotWaiting.MSG_RECV_NB.invokeExact(capture, recvMsg, handle, flags)
                        : (int) Lib.Receive.MSG_RECV_WAIT.call(capture, recvMsgAddress, handleAddress, flags);
                if (rc >= 0) {
                    more = (int) Lib.Receive.MSG_MORE_RAW.invokeExact(recvMsgAddress) != 0;
                    if (userIds.recording()) {
                        userIds.received(receivedUserId());
                    }
                    return rc;
                }
                if (!retryable(Lib.errno(capture), "receive")) {
                    return -1;
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The received frame's {@code User-Id} property (set by the ZAP handler), or null when absent. */
    private String receivedUserId() throws Throwable {
        long text = (long) Lib.UserId.MSG_GETS_RAW.invokeExact(recvMsgAddress, Lib.UserId.USER_ID_PROPERTY);
        return text == 0 ? null : Lib.EVERYTHING.getString(text);
    }

    @Override
    public void recordUserId(boolean on) {
        userIds.record(on);
    }

    @Override
    public String lastUserId() {
        return userIds.last();
    }

    private MemorySegment received(long size) {
        return Lib.EVERYTHING.asSlice(receivedAddress(), size);
    }

    /** The address of the received frame's bytes (valid until the next receive or release). */
    private long receivedAddress() {
        try {
            return (long) Lib.Receive.MSG_DATA_RAW.invokeExact(recvMsgAddress);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Releases a large received message now instead of at the next receive. */
    private void release(long size) {
        if (size > KEEP_LIMIT) {
            resetReceived();
        }
    }

    @Override
    public byte[] receive(int flags) {
        int size = recv(flags);
        if (size < 0) {
            return null;
        }
        byte[] out = new byte[size];
        if (size > 0) {
            MemorySegment.copy(Lib.EVERYTHING, ValueLayout.JAVA_BYTE, receivedAddress(), out, 0, size);
        }
        release(size);
        return out;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int flags) {
        int size = recv(flags);
        if (size > 0) {
            MemorySegment.copy(Lib.EVERYTHING, ValueLayout.JAVA_BYTE, receivedAddress(), buf, off, Math.min(size, len));
            release(size);
        }
        return size;
    }

    @Override
    public int receive(ByteBuffer buf, int flags) {
        int size = recv(flags);
        if (size > 0) {
            int n = Math.min(size, buf.remaining());
            MemorySegment.copy(received(size), 0, MemorySegment.ofBuffer(buf), 0, n);
            buf.position(buf.position() + n);
            release(size);
        }
        return size;
    }

    @Override
    public long receive(MemorySegment buf, int flags) {
        int size = recv(flags);
        if (size > 0) {
            MemorySegment.copy(received(size), 0, buf, 0, Math.min(size, buf.byteSize()));
            release(size);
        }
        return size;
    }

    @Override
    public long receive(ZSocket.FrameReader reader, int flags) {
        int size = recv(flags);
        if (size < 0) {
            return -1;
        }
        try {
            reader.read(size == 0 ? EMPTY_FRAME : lentView(size));
        } finally {
            release(size);
        }
        return size;
    }

    /** A read-only view of the received frame: the last one when address and size match, else a new one. */
    private MemorySegment lentView(long size) {
        long address = receivedAddress();
        MemorySegment view = lent;
        if (view == null || lentAddress != address || view.byteSize() != size) {
            view = Lib.EVERYTHING.asSlice(address, size).asReadOnly();
            lent = view;
            lentAddress = address;
        }
        return view;
    }

    private static IllegalStateException heldError() {
        return new IllegalStateException(
                "a frame received by forward() is still held because its target would not take it;"
                        + " call forward() again or discardHeld() before receiving");
    }

    @Override
    public long forward(SocketDriver target, int flags) {
        checkOpen("forward");
        NativeSocket to = (NativeSocket) target; // ZSocket.forward has refused a target of another backend
        to.checkOpen("forward to a closed socket");
        long size;
        if (held) {
            size = heldSize;
        } else {
            size = recv(flags);
            if (size < 0) {
                return -1;
            }
        }
        int sendFlags = (more ? SNDMORE : 0) | (flags & (SNDMORE | DONTWAIT));
        boolean sent;
        try {
            sent = sendReceived(to, sendFlags);
        } catch (RuntimeException e) {
            // A real error (EFSM, EHOSTUNREACH, ETERM...): the target will not take this frame, so it is
            // released here, and the exception (whose operation says so) is the caller's notice.
            held = false;
            resetReceived();
            throw e;
        }
        if (sent) {
            held = false; // zmq_msg_send took the content and left recvMsg empty, ready for the next receive
            return size;
        }
        held = true;
        heldSize = size;
        return ZSocket.HELD;
    }

    /** zmq_msg_send of the received frame on {@code to}; true if taken, false if it would block. Throws on a real error. */
    private boolean sendReceived(NativeSocket to, int flags) {
        try {
            // as sendNative: the non-waiting call without errno capture first, the capturing one if it fails
            if ((int) Lib.MessageSend.MSG_SEND_TRY_RAW.invokeExact(recvMsgAddress, to.handleAddress, flags | DONTWAIT)
                    >= 0) {
                return true;
            }
            while (true) {
                int rc = (flags & DONTWAIT) != 0
                        ? (int) Lib.NotWaiting.MSG_SEND_NB.invokeExact(capture, recvMsg, to.handle, flags)
                        : (int) Lib.Waiting.MSG_SEND.invokeExact(capture, recvMsg, to.handle, flags);
                if (rc >= 0) {
                    return true;
                }
                if (!retryable(Lib.errno(capture), FORWARD_SEND)) {
                    return false;
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Closes the received message's content and makes it an empty message again. */
    private void resetReceived() {
        try {
            // neither can fail on an initialised zmq_msg_t (close only reports EFAULT for an invalid one)
            int closed = (int) Lib.Sockets.MSG_CLOSE_RAW.invokeExact(recvMsgAddress);
            int initialised = (int) Lib.Sockets.MSG_INIT_RAW.invokeExact(recvMsgAddress);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public boolean discardHeld() {
        checkOpen("discard a held frame");
        if (!held) {
            return false;
        }
        held = false;
        resetReceived();
        return true;
    }

    @Override
    public boolean hasMore() {
        checkOpen("get RCVMORE");
        return more;
    }

    // ---- options ----

    /** The caller has checked that the socket is open (before writing {@link #optBuf}). */
    private void setRaw(OptionId option, MemorySegment value, long len) {
        try {
            while (true) {
                int rc = (int)
                        Lib.SetOption.SETSOCKOPT.call(capture, handleAddress, option.code(), value.address(), len);
                if (rc == 0) {
                    return;
                }
                int errno = Lib.errno(capture);
                if (errno != NativeErrors.EINTR) {
                    throw NativeErrors.error("set ZMQ_" + option, errno, null);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** zmq_getsockopt into optBuf with the given capacity; returns the length libzmq wrote. */
    private long getRaw(OptionId option, long capacity) {
        checkOpen("get", option);
        try {
            while (true) {
                optLen.set(ValueLayout.JAVA_LONG, 0, capacity);
                int rc = option == OptionId.EVENTS
                        ? (int) Lib.GetOption.GETSOCKOPT_NB.invokeExact(capture, handle, option.code(), optBuf, optLen)
                        : (int) Lib.GetOption.GETSOCKOPT.invokeExact(capture, handle, option.code(), optBuf, optLen);
                if (rc == 0) {
                    return optLen.get(ValueLayout.JAVA_LONG, 0);
                }
                int errno = Lib.errno(capture);
                if (errno != NativeErrors.EINTR) {
                    throw NativeErrors.error("get ZMQ_" + option, errno, null);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void setInt(OptionId option, int value) {
        checkOpen("set", option);
        optBuf.set(ValueLayout.JAVA_INT, 0, value);
        setRaw(option, optBuf, 4);
    }

    @Override
    public void setLong(OptionId option, long value) {
        checkOpen("set", option);
        optBuf.set(ValueLayout.JAVA_LONG, 0, value);
        setRaw(option, optBuf, 8);
    }

    @Override
    public void setBytes(OptionId option, byte[] value) {
        checkOpen("set", option);
        if (value.length <= OPT_SIZE) {
            MemorySegment.copy(value, 0, optBuf, ValueLayout.JAVA_BYTE, 0, value.length);
            setRaw(option, optBuf, value.length);
        } else {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment v = a.allocate(value.length);
                MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
                setRaw(option, v, value.length);
            }
        }
    }

    @Override
    public int getInt(OptionId option) {
        getRaw(option, 4);
        return optBuf.get(ValueLayout.JAVA_INT, 0);
    }

    @Override
    public long getLong(OptionId option) {
        if (option.kind() == OptionId.Kind.FD || option.kind() == OptionId.Kind.INT) {
            return getInt(option); // a POSIX fd is a C int
        }
        getRaw(option, 8);
        return optBuf.get(ValueLayout.JAVA_LONG, 0);
    }

    @Override
    public byte[] getBytes(OptionId option) {
        // CURVE keys come back binary only when asked for exactly 32 bytes (41 gives Z85 text).
        long capacity = switch (option) {
            case CURVE_PUBLICKEY, CURVE_SECRETKEY, CURVE_SERVERKEY -> 32;
            default -> OPT_SIZE;
        };
        long n = getRaw(option, capacity);
        if (option.kind() == OptionId.Kind.STRING && n > 0 && optBuf.get(ValueLayout.JAVA_BYTE, n - 1) == 0) {
            n--; // drop the terminating NUL
        }
        return optBuf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }

    @Override
    public String getString(OptionId option) {
        return new String(getBytes(option), StandardCharsets.UTF_8);
    }

    @Override
    public void monitor(String endpoint, int events) {
        checkOpen("monitor");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ep = endpoint == null ? MemorySegment.NULL : a.allocateFrom(endpoint);
            int rc = (int) Lib.Monitor.SOCKET_MONITOR.invokeExact(capture, handle, ep, events);
            if (rc != 0) {
                throw NativeErrors.error("monitor", Lib.errno(capture), endpoint);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            int rc = (int) Lib.Sockets.MSG_CLOSE_RAW.invokeExact(recvMsgAddress);
            rc = (int) Lib.Sockets.CLOSE.call(capture, handleAddress);
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            // Once only (guarded by the compareAndSet above); checkOpen keeps every later call away.
            NativeBlock.free(block);
            MemorySegment s = scratch;
            if (s != null) {
                scratch = null;
                NativeBlock.free(s);
            }
        }
    }
}
