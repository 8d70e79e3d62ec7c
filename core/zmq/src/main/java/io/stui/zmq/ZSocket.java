package io.stui.zmq;

import io.stui.zmq.spi.OptionId;
import io.stui.zmq.spi.SocketDriver;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A ZeroMQ socket, created by {@link ZContext#createSocket(SocketType)}.
 *
 * <p><b>Not thread-safe</b> (libzmq's rule): use a socket from one thread at a time. Only the
 * context is thread-safe.
 *
 * <p><b>Results and errors.</b> Would-block (EAGAIN, with {@link #DONTWAIT} or after a send/receive
 * timeout) is a normal result: {@code false} for sends, an empty {@link Optional} or {@code -1} for
 * receives. Real errors throw {@link ZmqException} with the errno, its name and text, and the
 * endpoint for bind/connect/unbind/disconnect. Interrupted calls (EINTR) are retried. ETERM means
 * the context is closing: close the socket. Any call after {@link #close()} throws ENOTSOCK.
 *
 * <p>Closing a socket keeps unsent messages for LINGER milliseconds: a socket starts with its
 * context's {@link ZContext#getLinger()} (default 0: drop them, so closing never hangs), and
 * {@link #setLinger(int)} changes it for this socket (-1: keep them until delivered).
 */
public final class ZSocket implements AutoCloseable {
    /** Flag: do not block; a send returns false and a receive returns empty/-1 instead. */
    public static final int DONTWAIT = 1;
    /** Flag: more frames of this message follow. */
    public static final int SNDMORE = 2;
    /**
     * Result of {@link #forward}: a frame was received but the target would not take it without waiting
     * (DONTWAIT, or its SNDTIMEO elapsed). The frame is held by this socket, not lost.
     */
    public static final long HELD = -2;

    private final ZContext context;
    private final SocketDriver driver;
    private final SocketType type;

    ZSocket(ZContext context, SocketDriver driver, SocketType type) {
        this.context = context;
        this.driver = driver;
        this.type = type;
    }

    /** The context that created this socket. */
    public ZContext context() {
        return context;
    }

    SocketDriver driver() {
        return driver;
    }

    // ---- endpoints ----

    /** Binds to an endpoint such as {@code tcp://127.0.0.1:*}, {@code ipc:///tmp/x} or {@code inproc://name}. */
    public ZSocket bind(String endpoint) {
        driver.bind(endpoint);
        return this;
    }

    /**
     * Binds to a free port chosen by the system, as JeroMQ's {@code bindToRandomPort} does:
     * {@code bindToRandomPort("tcp://127.0.0.1")} returns the port; {@link #lastEndpoint()} then gives the
     * whole endpoint. A bare host ({@code "127.0.0.1"}) is taken as {@code tcp://} too.
     */
    public int bindToRandomPort(String address) {
        String base = address.contains("://") ? address : "tcp://" + address;
        driver.bind(base + ":*");
        String endpoint = lastEndpoint();
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /**
     * Binds to a free port in {@code [min, max)}, trying them in random order, as JeroMQ's
     * {@code bindToRandomPort(addr, min, max)}; returns the port.
     *
     * @throws ZmqException EADDRINUSE if every port of the range is taken
     */
    public int bindToRandomPort(String address, int min, int max) {
        if (min < 1 || max > 65536 || min >= max) {
            throw new IllegalArgumentException("ports must satisfy 1 <= min < max <= 65536, got " + min + ", " + max);
        }
        String base = address.contains("://") ? address : "tcp://" + address;
        java.util.List<Integer> ports = new java.util.ArrayList<>(max - min);
        for (int p = min; p < max; p++) {
            ports.add(p);
        }
        java.util.Collections.shuffle(ports);
        ZmqException last = null;
        for (int port : ports) {
            try {
                driver.bind(base + ":" + port);
                return port;
            } catch (ZmqException e) {
                if (e.code() != ZmqError.EADDRINUSE) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** Connects to an endpoint. */
    public ZSocket connect(String endpoint) {
        driver.connect(endpoint);
        return this;
    }

    /** Stops listening on an endpoint bound earlier (use the resolved endpoint for wildcards). */
    public void unbind(String endpoint) {
        driver.unbind(endpoint);
    }

    /** Disconnects from an endpoint connected earlier. */
    public void disconnect(String endpoint) {
        driver.disconnect(endpoint);
    }

    /** The last endpoint bound or connected, resolved (e.g. {@code tcp://127.0.0.1:40123}). */
    public String lastEndpoint() {
        return driver.getString(OptionId.LAST_ENDPOINT);
    }

    // ---- sending ----

    /** Sends a frame, blocking as needed. Returns false only if SNDTIMEO elapsed. */
    public boolean send(byte[] data) {
        return driver.send(data, 0, data.length, 0);
    }

    /** Sends a frame with {@link #DONTWAIT} and/or {@link #SNDMORE}. Returns false if it would block. */
    public boolean send(byte[] data, int flags) {
        return driver.send(data, 0, data.length, flags);
    }

    /** Sends {@code len} bytes of {@code data} starting at {@code off}. */
    public boolean send(byte[] data, int off, int len, int flags) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        return driver.send(data, off, len, flags);
    }

    /** Sends a UTF-8 string frame. */
    public boolean send(String data) {
        return send(data.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** Sends a UTF-8 string frame with flags. */
    public boolean send(String data, int flags) {
        return send(data.getBytes(StandardCharsets.UTF_8), flags);
    }

    /** Sends the remaining bytes of a buffer (heap or direct); on success its position moves to the limit. */
    public boolean send(ByteBuffer data, int flags) {
        return driver.send(data, flags);
    }

    /** Sends the bytes of a memory segment (native or heap). */
    public boolean send(MemorySegment data, int flags) {
        return driver.send(data, flags);
    }

    /** Sends a frame with SNDMORE (more frames follow). */
    public boolean sendMore(byte[] data) {
        return send(data, SNDMORE);
    }

    /** Sends a UTF-8 frame with SNDMORE. */
    public boolean sendMore(String data) {
        return send(data, SNDMORE);
    }

    /**
     * Sends all frames of a message. With DONTWAIT, returns false if the first frame would block;
     * later frames of a multipart message are queued atomically by ZeroMQ once the first is accepted.
     */
    public boolean send(ZMessage message, int flags) {
        int n = message.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot send a message with no frames");
        }
        int base = flags & ~SNDMORE;
        for (int i = 0; i < n; i++) {
            int f = i < n - 1 ? base | SNDMORE : flags;
            if (!send(message.frame(i), i == 0 ? f : f & ~DONTWAIT)) {
                if (i == 0) {
                    return false;
                }
                throw new IllegalStateException(
                        "frame " + i + " of a multipart message could not be queued (SNDTIMEO elapsed)");
            }
        }
        return true;
    }

    /** Sends all frames of a message, blocking as needed. */
    public boolean send(ZMessage message) {
        return send(message, 0);
    }

    // ---- receiving ----

    /** Receives one frame, blocking; empty only if RCVTIMEO elapsed. */
    public Optional<byte[]> receive() {
        return Optional.ofNullable(driver.receive(0));
    }

    /** Receives one frame; empty if it would block (DONTWAIT) or RCVTIMEO elapsed. */
    public Optional<byte[]> receive(int flags) {
        return Optional.ofNullable(driver.receive(flags));
    }

    /** Receives one frame as UTF-8 text. */
    public Optional<String> receiveString() {
        return receiveString(0);
    }

    /** Receives one frame as UTF-8 text, with flags. */
    public Optional<String> receiveString(int flags) {
        byte[] b = driver.receive(flags);
        return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Receives one frame into {@code buf}, like zmq_recv: copies at most {@code len} bytes and returns
     * the frame's full size, so a result larger than {@code len} means the frame was truncated.
     * Returns -1 if it would block.
     */
    public int receive(byte[] buf, int off, int len, int flags) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        return driver.receive(buf, off, len, flags);
    }

    /** Receives into the whole array; see {@link #receive(byte[], int, int, int)}. */
    public int receive(byte[] buf, int flags) {
        return driver.receive(buf, 0, buf.length, flags);
    }

    /**
     * Receives one frame into the buffer's remaining space (position advances by the bytes copied).
     * Returns the frame's full size (larger than the space means truncated), or -1 if it would block.
     */
    public int receive(ByteBuffer buf, int flags) {
        return driver.receive(buf, flags);
    }

    /** Receives one frame into a segment; returns the full size (larger than the segment means truncated) or -1. */
    public long receive(MemorySegment buf, int flags) {
        return driver.receive(buf, flags);
    }

    /** Reads a received frame where it lies; see {@link #receive(FrameReader, int)}. */
    @FunctionalInterface
    public interface FrameReader {
        /** Called with a read-only view of the frame's bytes; the view is valid only until this returns. */
        void read(MemorySegment frame);
    }

    /**
     * Receives one frame and lets {@code reader} read it in place, without copying it into a Java array or
     * a buffer of the caller's: on the native backend the view is libzmq's own message, as a C program's
     * {@code zmq_msg_recv} sees it. The view is read-only and must not be kept after {@code reader}
     * returns. Returns the frame's size, or -1 if it would block.
     */
    public long receive(FrameReader reader, int flags) {
        return driver.receive(reader, flags);
    }

    /**
     * Receives one frame on this socket and sends that same frame on {@code target}, without copying it
     * into Java memory: on the native backend {@code zmq_msg_recv} into this socket's reused
     * {@code zmq_msg_t} and {@code zmq_msg_send} of it to the target, as a C relay or echo does (on JeroMQ
     * the received {@code Msg} object is sent). A frame with more frames after it goes out with
     * {@link #SNDMORE}, so forwarding while {@link #hasReceiveMore()} keeps message boundaries:
     * <pre>{@code do { src.forward(dst, 0); } while (src.hasReceiveMore()); }</pre>
     * {@code target} may be this socket (an echo: a REP or ROUTER sends back what it received) or a socket
     * of another context of the same backend.
     *
     * <p>Results, and what happens to the frame:
     * <ul>
     * <li>the frame's size (0 or more): it was sent on {@code target};
     * <li>{@code -1}: nothing was received (would block: DONTWAIT, or RCVTIMEO elapsed); nothing moved;
     * <li>{@link #HELD}: the frame was received but the target would not take it without waiting
     *     (DONTWAIT, or the target's SNDTIMEO elapsed, e.g. at its high-water mark). This socket holds it:
     *     the next {@code forward} (to any target) sends it first, without receiving; {@link #discardHeld()}
     *     drops it. Meanwhile the other receive methods throw {@link IllegalStateException} rather than
     *     overwrite it. {@link #hasReceiveMore()} still describes the held frame.
     * </ul>
     * Errors: a target of another backend ({@link IllegalArgumentException}) or a closed target (ENOTSOCK)
     * is refused before anything is received. A real error of the send (e.g. EFSM, EHOSTUNREACH, ETERM)
     * throws {@link ZmqException} whose operation says the frame was dropped: its memory is released, never
     * leaked. Any later frames of the same message stay queued on this socket.
     *
     * @param target where the frame goes (this socket for an echo)
     * @param flags  {@link #DONTWAIT} (neither the receive nor the send waits) and/or {@link #SNDMORE} (send the
     *               frame with more frames after it even if it ended its message, e.g. to append frames)
     * @return the frame's size, -1 if nothing was received, or {@link #HELD}
     */
    public long forward(ZSocket target, int flags) {
        java.util.Objects.requireNonNull(target, "target");
        if ((flags & ~(DONTWAIT | SNDMORE)) != 0) {
            throw new IllegalArgumentException("forward takes only DONTWAIT and SNDMORE, got flags " + flags);
        }
        if (target.context.backend() != context.backend()) {
            throw new IllegalArgumentException("forward needs a target of the same backend: this socket is "
                    + context.backend() + ", the target " + target.context.backend());
        }
        return driver.forward(target.driver, flags);
    }

    /** Drops the frame a {@link #forward} left {@link #HELD}; returns false if there was none. */
    public boolean discardHeld() {
        return driver.discardHeld();
    }

    /**
     * Receives all frames of one message. Empty if the first frame would block; once the first frame
     * is here the rest are already queued and are read without waiting.
     */
    public Optional<ZMessage> receiveMessage(int flags) {
        // room for a ROUTER's routing id, empty delimiter and body without growing the list
        ZMessage msg = new ZMessage(4);
        return receiveFrames(msg.frameList(), flags) ? Optional.of(msg) : Optional.empty();
    }

    /**
     * Receives all frames of one message into {@code frames} (appended; the list is not cleared), as
     * {@link #receiveMessage(int)} does, for a loop that reuses one list: false, and nothing added, if the
     * first frame would block.
     */
    public boolean receiveFrames(List<byte[]> frames, int flags) {
        byte[] first = driver.receive(flags);
        if (first == null) {
            return false;
        }
        frames.add(first);
        while (driver.hasMore()) {
            byte[] next = driver.receive(0);
            if (next == null) {
                throw new IllegalStateException("a multipart message ended early (RCVTIMEO elapsed mid-message)");
            }
            frames.add(next);
        }
        return true;
    }

    /** Receives all frames of one message, blocking. */
    public Optional<ZMessage> receiveMessage() {
        return receiveMessage(0);
    }

    /**
     * Whether each receive records the {@code User-Id} the ZAP handler gave the sending peer's connection (the
     * PLAIN username, the CURVE public key), for {@link #lastUserId()}. Off by default: it costs a call per frame.
     */
    public void setRecordUserId(boolean on) {
        driver.recordUserId(on);
    }

    /**
     * The {@code User-Id} of the last frame received while {@linkplain #setRecordUserId recording}: the identity
     * ZAP authenticated for the connection it came on; null when its connection had none (no ZAP handler).
     */
    public String lastUserId() {
        return driver.lastUserId();
    }

    /** True if the last frame received is followed by more frames of the same message (ZMQ_RCVMORE). */
    public boolean hasReceiveMore() {
        return driver.hasMore();
    }

    // ---- subscriptions ----

    /** SUB/XSUB: receive messages starting with this prefix (empty: all). */
    public void subscribe(byte[] prefix) {
        driver.setBytes(OptionId.SUBSCRIBE, prefix);
    }

    /** SUB/XSUB: subscribe to a UTF-8 prefix. */
    public void subscribe(String prefix) {
        subscribe(prefix.getBytes(StandardCharsets.UTF_8));
    }

    /** SUB/XSUB: remove a subscription. */
    public void unsubscribe(byte[] prefix) {
        driver.setBytes(OptionId.UNSUBSCRIBE, prefix);
    }

    /** SUB/XSUB: remove a UTF-8 subscription. */
    public void unsubscribe(String prefix) {
        unsubscribe(prefix.getBytes(StandardCharsets.UTF_8));
    }

    // ---- read-only properties ----

    /**
     * The socket type. A socket's type never changes, so this is the type it was created with (no
     * ZMQ_TYPE option read: callers such as a ROUTER front end ask for it on every answer). Throws
     * ENOTSOCK after {@link #close()}, as reading the option did.
     */
    public SocketType getType() {
        driver.checkOpen("get TYPE");
        return type;
    }

    /** ZMQ_EVENTS: a mask of {@link ZPoller#POLLIN} and {@link ZPoller#POLLOUT}. */
    public int getEvents() {
        return driver.getInt(OptionId.EVENTS);
    }

    /** ZMQ_FD: the file descriptor that signals (edge-triggered) when {@link #getEvents()} may have changed. */
    public long getFd() {
        return driver.getLong(OptionId.FD);
    }

    // ---- options ----

    /**
     * Sets an option, typed: {@code socket.set(SocketOption.LINGER, Duration.ZERO)}. The setters below
     * ({@link #setLinger(int)} ...) are the same options with ZeroMQ's plain numbers.
     *
     * @return this socket
     * @throws ZmqException EINVAL for a value out of the option's range, ENOTSOCK once closed
     */
    public <T> ZSocket set(SocketOption<T> option, T value) {
        option.set(driver, value);
        return this;
    }

    /** Reads an option, typed: {@code Duration linger = socket.get(SocketOption.LINGER)}. */
    public <T> T get(SocketOption<T> option) {
        return option.get(driver);
    }

    /** ZMQ_LINGER in ms: how long close keeps unsent messages (-1 forever, 0 drop). */
    public void setLinger(int millis) {
        driver.setInt(OptionId.LINGER, millis);
    }

    public int getLinger() {
        return driver.getInt(OptionId.LINGER);
    }

    /** ZMQ_SNDHWM: high water mark of outbound messages (0 = unlimited). */
    public void setSndHwm(int messages) {
        driver.setInt(OptionId.SNDHWM, messages);
    }

    public int getSndHwm() {
        return driver.getInt(OptionId.SNDHWM);
    }

    /** ZMQ_RCVHWM: high water mark of inbound messages (0 = unlimited). */
    public void setRcvHwm(int messages) {
        driver.setInt(OptionId.RCVHWM, messages);
    }

    public int getRcvHwm() {
        return driver.getInt(OptionId.RCVHWM);
    }

    /** ZMQ_SNDTIMEO in ms: a blocking send gives up (returns false) after this (-1 forever). */
    public void setSndTimeout(int millis) {
        driver.setInt(OptionId.SNDTIMEO, millis);
    }

    public int getSndTimeout() {
        return driver.getInt(OptionId.SNDTIMEO);
    }

    /** ZMQ_RCVTIMEO in ms: a blocking receive gives up (returns empty/-1) after this (-1 forever). */
    public void setRcvTimeout(int millis) {
        driver.setInt(OptionId.RCVTIMEO, millis);
    }

    public int getRcvTimeout() {
        return driver.getInt(OptionId.RCVTIMEO);
    }

    /** ZMQ_ROUTING_ID (formerly IDENTITY): 1 to 255 bytes, not starting with a zero byte. */
    public void setRoutingId(byte[] id) {
        driver.setBytes(OptionId.ROUTING_ID, id);
    }

    public byte[] getRoutingId() {
        return driver.getBytes(OptionId.ROUTING_ID);
    }

    /** ZMQ_MAXMSGSIZE in bytes: peers sending bigger messages are disconnected (-1 no limit). */
    public void setMaxMsgSize(long bytes) {
        driver.setLong(OptionId.MAXMSGSIZE, bytes);
    }

    public long getMaxMsgSize() {
        return driver.getLong(OptionId.MAXMSGSIZE);
    }

    /** ZMQ_IMMEDIATE: queue messages only to completed connections. */
    public void setImmediate(boolean immediate) {
        driver.setInt(OptionId.IMMEDIATE, immediate ? 1 : 0);
    }

    public boolean getImmediate() {
        return driver.getInt(OptionId.IMMEDIATE) != 0;
    }

    /**
     * ZMQ_ROUTER_MANDATORY: a ROUTER reports EHOSTUNREACH for unknown routing ids instead of dropping.
     * Write-only: libzmq 4.3 and JeroMQ cannot read it back.
     */
    public void setRouterMandatory(boolean mandatory) {
        driver.setInt(OptionId.ROUTER_MANDATORY, mandatory ? 1 : 0);
    }

    /** ZMQ_RECONNECT_IVL in ms (-1 no reconnection). */
    public void setReconnectIvl(int millis) {
        driver.setInt(OptionId.RECONNECT_IVL, millis);
    }

    public int getReconnectIvl() {
        return driver.getInt(OptionId.RECONNECT_IVL);
    }

    /** ZMQ_RECONNECT_IVL_MAX in ms (0: no back-off). */
    public void setReconnectIvlMax(int millis) {
        driver.setInt(OptionId.RECONNECT_IVL_MAX, millis);
    }

    public int getReconnectIvlMax() {
        return driver.getInt(OptionId.RECONNECT_IVL_MAX);
    }

    /** ZMQ_HEARTBEAT_IVL in ms: send ZMTP PINGs this often (0 off). */
    public void setHeartbeatIvl(int millis) {
        driver.setInt(OptionId.HEARTBEAT_IVL, millis);
    }

    public int getHeartbeatIvl() {
        return driver.getInt(OptionId.HEARTBEAT_IVL);
    }

    /** ZMQ_HEARTBEAT_TTL in ms (rounded down to 100 ms by libzmq): how long the peer waits for traffic. */
    public void setHeartbeatTtl(int millis) {
        driver.setInt(OptionId.HEARTBEAT_TTL, millis);
    }

    public int getHeartbeatTtl() {
        return driver.getInt(OptionId.HEARTBEAT_TTL);
    }

    /** ZMQ_HEARTBEAT_TIMEOUT in ms: close the connection if no traffic after a PING. */
    public void setHeartbeatTimeout(int millis) {
        driver.setInt(OptionId.HEARTBEAT_TIMEOUT, millis);
    }

    public int getHeartbeatTimeout() {
        return driver.getInt(OptionId.HEARTBEAT_TIMEOUT);
    }

    /**
     * ZMQ_HANDSHAKE_IVL in ms: a connection whose ZMTP handshake has not finished by then is closed
     * (and, on the connecting side, made again after the reconnect interval); 0 means no limit.
     * libzmq's default is 30 000. The JeroMQ backend sets 1000 on every new socket: JeroMQ 0.6.0
     * sometimes never starts the handshake of a fresh outgoing tcp connection, and this limit is
     * what retries it (see core/README.md).
     */
    public void setHandshakeIvl(int millis) {
        driver.setInt(OptionId.HANDSHAKE_IVL, millis);
    }

    public int getHandshakeIvl() {
        return driver.getInt(OptionId.HANDSHAKE_IVL);
    }

    /** ZMQ_TCP_KEEPALIVE: -1 system default, 0 off, 1 on. */
    public void setTcpKeepAlive(int value) {
        driver.setInt(OptionId.TCP_KEEPALIVE, value);
    }

    public int getTcpKeepAlive() {
        return driver.getInt(OptionId.TCP_KEEPALIVE);
    }

    /** ZMQ_TCP_KEEPALIVE_IDLE in seconds (-1 system default). */
    public void setTcpKeepAliveIdle(int seconds) {
        driver.setInt(OptionId.TCP_KEEPALIVE_IDLE, seconds);
    }

    public int getTcpKeepAliveIdle() {
        return driver.getInt(OptionId.TCP_KEEPALIVE_IDLE);
    }

    /** ZMQ_TCP_KEEPALIVE_INTVL in seconds (-1 system default). */
    public void setTcpKeepAliveIntvl(int seconds) {
        driver.setInt(OptionId.TCP_KEEPALIVE_INTVL, seconds);
    }

    public int getTcpKeepAliveIntvl() {
        return driver.getInt(OptionId.TCP_KEEPALIVE_INTVL);
    }

    /** ZMQ_TCP_KEEPALIVE_CNT (-1 system default). */
    public void setTcpKeepAliveCount(int count) {
        driver.setInt(OptionId.TCP_KEEPALIVE_CNT, count);
    }

    public int getTcpKeepAliveCount() {
        return driver.getInt(OptionId.TCP_KEEPALIVE_CNT);
    }

    /** ZMQ_SNDBUF: kernel send buffer size in bytes (-1 system default). */
    public void setSndBuf(int bytes) {
        driver.setInt(OptionId.SNDBUF, bytes);
    }

    public int getSndBuf() {
        return driver.getInt(OptionId.SNDBUF);
    }

    /** ZMQ_RCVBUF: kernel receive buffer size in bytes (-1 system default). */
    public void setRcvBuf(int bytes) {
        driver.setInt(OptionId.RCVBUF, bytes);
    }

    public int getRcvBuf() {
        return driver.getInt(OptionId.RCVBUF);
    }

    /** ZMQ_BACKLOG: maximum length of the queue of pending connections. */
    public void setBacklog(int connections) {
        driver.setInt(OptionId.BACKLOG, connections);
    }

    public int getBacklog() {
        return driver.getInt(OptionId.BACKLOG);
    }

    /** ZMQ_IPV6: use IPv6 (and IPv4) on tcp endpoints. */
    public void setIpv6(boolean ipv6) {
        driver.setInt(OptionId.IPV6, ipv6 ? 1 : 0);
    }

    public boolean getIpv6() {
        return driver.getInt(OptionId.IPV6) != 0;
    }

    /** ZMQ_CURVE_SERVER: this socket is the CURVE server (needs its secret key). */
    public void setCurveServer(boolean server) {
        driver.setInt(OptionId.CURVE_SERVER, server ? 1 : 0);
    }

    public boolean getCurveServer() {
        return driver.getInt(OptionId.CURVE_SERVER) != 0;
    }

    /** ZMQ_CURVE_PUBLICKEY: this socket's long-term public key, 32 bytes. */
    public void setCurvePublicKey(byte[] key) {
        driver.setBytes(OptionId.CURVE_PUBLICKEY, Curve.checkKey(key));
    }

    public byte[] getCurvePublicKey() {
        return driver.getBytes(OptionId.CURVE_PUBLICKEY);
    }

    /** ZMQ_CURVE_SECRETKEY: this socket's long-term secret key, 32 bytes. */
    public void setCurveSecretKey(byte[] key) {
        driver.setBytes(OptionId.CURVE_SECRETKEY, Curve.checkKey(key));
    }

    public byte[] getCurveSecretKey() {
        return driver.getBytes(OptionId.CURVE_SECRETKEY);
    }

    /** ZMQ_CURVE_SERVERKEY (clients): the server's public key, 32 bytes. */
    public void setCurveServerKey(byte[] key) {
        driver.setBytes(OptionId.CURVE_SERVERKEY, Curve.checkKey(key));
    }

    public byte[] getCurveServerKey() {
        return driver.getBytes(OptionId.CURVE_SERVERKEY);
    }

    /** Makes this socket a CURVE server with the given key pair. */
    public void setCurveServer(Curve.KeyPair serverKeys) {
        setCurveServer(true);
        setCurveSecretKey(serverKeys.secretKey());
        setCurvePublicKey(serverKeys.publicKey());
    }

    /** Makes this socket a CURVE client of the server with {@code serverPublicKey}. */
    public void setCurveClient(Curve.KeyPair clientKeys, byte[] serverPublicKey) {
        setCurveServerKey(serverPublicKey);
        setCurvePublicKey(clientKeys.publicKey());
        setCurveSecretKey(clientKeys.secretKey());
    }

    /** ZMQ_PLAIN_SERVER: this socket is a PLAIN server (a ZAP handler such as {@link ZAuth} checks passwords). */
    public void setPlainServer(boolean server) {
        driver.setInt(OptionId.PLAIN_SERVER, server ? 1 : 0);
    }

    /** Makes this socket a PLAIN client with these credentials. */
    public void setPlainCredentials(String username, String password) {
        driver.setBytes(OptionId.PLAIN_USERNAME, username.getBytes(StandardCharsets.UTF_8));
        driver.setBytes(OptionId.PLAIN_PASSWORD, password.getBytes(StandardCharsets.UTF_8));
    }

    /** ZMQ_ZAP_DOMAIN: the ZAP authentication domain. */
    public void setZapDomain(String domain) {
        driver.setBytes(OptionId.ZAP_DOMAIN, domain.getBytes(StandardCharsets.UTF_8));
    }

    public String getZapDomain() {
        return driver.getString(OptionId.ZAP_DOMAIN);
    }

    /** Closes the socket (idempotent). Unsent messages are kept for LINGER. */
    @Override
    public void close() {
        context.forget(driver);
        driver.close();
    }

    @Override
    public String toString() {
        return "ZSocket[" + type + ']';
    }
}
