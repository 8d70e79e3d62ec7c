package io.stui.zmq.internal.jeromq;

import io.stui.zmq.ZmqException;
import io.stui.zmq.spi.OptionId;
import io.stui.zmq.spi.SocketDriver;
import io.stui.zmq.spi.UserIds;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import zmq.Msg;
import zmq.SocketBase;
import zmq.ZError;
import zmq.ZMQ;
import zmq.io.Metadata;

/** A JeroMQ socket (zmq.SocketBase) behind the SPI. Not thread-safe. */
final class JeromqSocket implements SocketDriver {
    private final SocketBase base;
    private volatile boolean closed;
    private boolean more;
    private final UserIds userIds = new UserIds();
    /** A frame that {@link #forward} received but its target would not take yet. */
    private Msg held;

    JeromqSocket(SocketBase base) {
        this.base = base;
    }

    SocketBase base() {
        return base;
    }

    /** Throws ENOTSOCK once closed. */
    @Override
    public void checkOpen(String operation) {
        if (closed) {
            throw JeromqErrors.error(operation, ZError.ENOTSOCK, null);
        }
    }

    /** One JeroMQ endpoint call; JeroMQ throws IllegalArgumentException for malformed addresses where libzmq says EINVAL. */
    private void endpointCall(
            java.util.function.Predicate<String> call, String operation, String endpoint, int fallback) {
        checkOpen(operation);
        boolean ok;
        try {
            ok = call.test(endpoint);
        } catch (IllegalArgumentException e) {
            throw JeromqErrors.error(operation, ZError.EINVAL, endpoint);
        } catch (RuntimeException e) {
            ZmqException z = JeromqErrors.translate(e, operation, endpoint);
            if (z != null
                    && operation.equals("bind")
                    && (z.code() == io.stui.zmq.ZmqError.EADDRNOTAVAIL
                            || z.code() == io.stui.zmq.ZmqError.EADDRINUSE)) {
                throw JeromqErrors.error(operation, bindErrno(endpoint), endpoint);
            }
            throw z == null ? e : z;
        }
        if (!ok) {
            int errno = errnoOr(fallback);
            if (operation.equals("bind") && errno == ZError.EADDRINUSE) {
                errno = bindErrno(endpoint); // JeroMQ reports every BindException as EADDRINUSE; libzmq does not
            }
            throw JeromqErrors.error(operation, errno, endpoint);
        }
    }

    /** libzmq's errno for a failed tcp bind: ENODEV for a host that does not resolve, EADDRNOTAVAIL for another machine's address. */
    private static int bindErrno(String endpoint) {
        if (!endpoint.startsWith("tcp://")) {
            return ZError.EADDRINUSE;
        }
        int colon = endpoint.lastIndexOf(':');
        String host = endpoint.substring("tcp://".length(), colon > 5 ? colon : endpoint.length());
        if (host.equals("*") || host.isEmpty()) {
            return ZError.EADDRINUSE;
        }
        try {
            java.net.InetAddress address =
                    java.net.InetAddress.getByName(host.replace("[", "").replace("]", ""));
            boolean local = address.isAnyLocalAddress() || java.net.NetworkInterface.getByInetAddress(address) != null;
            return local ? ZError.EADDRINUSE : ZError.EADDRNOTAVAIL;
        } catch (java.net.UnknownHostException e) {
            return JeromqErrors.ENODEV;
        } catch (java.io.IOException e) {
            return ZError.EADDRINUSE;
        }
    }

    private static RuntimeException translated(RuntimeException e, String operation, String endpoint) {
        ZmqException z = JeromqErrors.translate(e, operation, endpoint);
        return z == null ? e : z;
    }

    @Override
    public void bind(String endpoint) {
        endpointCall(base::bind, "bind", endpoint, ZError.EINVAL);
    }

    @Override
    public void connect(String endpoint) {
        endpointCall(base::connect, "connect", endpoint, ZError.EINVAL);
    }

    @Override
    public void unbind(String endpoint) {
        endpointCall(base::termEndpoint, "unbind", endpoint, ZError.ENOENT);
    }

    @Override
    public void disconnect(String endpoint) {
        endpointCall(base::termEndpoint, "disconnect", endpoint, ZError.ENOENT);
    }

    private int errnoOr(int fallback) {
        int e = base.errno();
        return e == 0 ? fallback : e;
    }

    // ---- send ----

    private boolean sendMsg(Msg msg, int flags) {
        checkOpen("send");
        while (true) {
            boolean sent;
            try {
                sent = base.send(msg, flags);
            } catch (RuntimeException e) {
                throw translated(e, "send", null);
            }
            if (sent) {
                return true;
            }
            int errno = base.errno();
            if (errno == ZError.EAGAIN) {
                return false;
            }
            if (errno != ZError.EINTR) {
                throw JeromqErrors.error("send", errno, null);
            }
        }
    }

    @Override
    public boolean send(byte[] data, int off, int len, int flags) {
        Msg msg = new Msg(len);
        msg.put(data, off, len);
        return sendMsg(msg, flags);
    }

    @Override
    public boolean send(ByteBuffer buf, int flags) {
        byte[] copy = new byte[buf.remaining()];
        buf.duplicate().get(copy);
        boolean sent = sendMsg(new Msg(copy), flags);
        if (sent) {
            buf.position(buf.limit());
        }
        return sent;
    }

    @Override
    public boolean send(MemorySegment data, int flags) {
        if (data.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("JeroMQ frames are limited to 2 GiB");
        }
        return sendMsg(new Msg(data.toArray(ValueLayout.JAVA_BYTE)), flags);
    }

    // ---- receive ----

    @Override
    public void recordUserId(boolean on) {
        userIds.record(on);
    }

    @Override
    public String lastUserId() {
        return userIds.last();
    }

    private Msg recvMsg(int flags) {
        checkOpen("receive");
        if (held != null) {
            throw new IllegalStateException(
                    "a frame received by forward() is still held because its target would not take it;"
                            + " call forward() again or discardHeld() before receiving");
        }
        while (true) {
            Msg m;
            try {
                m = base.recv(flags);
            } catch (RuntimeException e) {
                throw translated(e, "receive", null);
            }
            if (m != null) {
                more = m.hasMore();
                if (userIds.recording()) {
                    userIds.received(
                            m.getMetadata() == null ? null : m.getMetadata().get(Metadata.USER_ID));
                }
                return m;
            }
            int errno = base.errno();
            if (errno == ZError.EAGAIN) {
                return null;
            }
            if (errno != ZError.EINTR) {
                throw JeromqErrors.error("receive", errno, null);
            }
        }
    }

    @Override
    public byte[] receive(int flags) {
        Msg m = recvMsg(flags);
        return m == null ? null : m.data();
    }

    @Override
    public int receive(byte[] buf, int off, int len, int flags) {
        Msg m = recvMsg(flags);
        if (m == null) {
            return -1;
        }
        int size = m.size();
        if (size > 0) {
            System.arraycopy(m.data(), 0, buf, off, Math.min(size, len));
        }
        return size;
    }

    @Override
    public int receive(ByteBuffer buf, int flags) {
        Msg m = recvMsg(flags);
        if (m == null) {
            return -1;
        }
        int size = m.size();
        buf.put(m.data(), 0, Math.min(size, buf.remaining()));
        return size;
    }

    @Override
    public long receive(MemorySegment buf, int flags) {
        Msg m = recvMsg(flags);
        if (m == null) {
            return -1;
        }
        int size = m.size();
        MemorySegment.copy(m.data(), 0, buf, ValueLayout.JAVA_BYTE, 0, (int) Math.min(size, buf.byteSize()));
        return size;
    }

    @Override
    public long receive(io.stui.zmq.ZSocket.FrameReader reader, int flags) {
        Msg m = recvMsg(flags);
        if (m == null) {
            return -1;
        }
        int size = m.size();
        reader.read(
                size == 0
                        ? MemorySegment.ofArray(new byte[0]).asReadOnly()
                        : MemorySegment.ofArray(m.data()).asSlice(0, size).asReadOnly());
        return size;
    }

    @Override
    public long forward(SocketDriver target, int flags) {
        checkOpen("forward");
        JeromqSocket to = (JeromqSocket) target; // ZSocket.forward has refused a target of another backend
        to.checkOpen("forward to a closed socket");
        Msg m = held;
        if (m == null) {
            m = recvMsg(flags);
            if (m == null) {
                return -1;
            }
        }
        held = null;
        int size = m.size();
        // the same Msg object goes out: JeroMQ's send resets its MORE flag and sets it from these flags
        int sendFlags = (more ? ZMQ.ZMQ_SNDMORE : 0) | (flags & (ZMQ.ZMQ_SNDMORE | ZMQ.ZMQ_DONTWAIT));
        while (true) {
            boolean sent;
            try {
                sent = to.base.send(m, sendFlags);
            } catch (RuntimeException e) {
                throw translated(e, FORWARD_SEND, null);
            }
            if (sent) {
                return size;
            }
            int errno = to.base.errno();
            if (errno == ZError.EAGAIN) {
                held = m;
                return io.stui.zmq.ZSocket.HELD;
            }
            if (errno != ZError.EINTR) {
                // the frame is dropped (nothing native to release); the exception is the caller's notice
                throw JeromqErrors.error(FORWARD_SEND, errno, null);
            }
        }
    }

    @Override
    public boolean discardHeld() {
        checkOpen("discard a held frame");
        boolean had = held != null;
        held = null;
        return had;
    }

    @Override
    public boolean hasMore() {
        checkOpen("get RCVMORE");
        return more;
    }

    // ---- options ----

    private static int code(OptionId option) {
        return switch (option) {
            case ROUTING_ID -> ZMQ.ZMQ_IDENTITY;
            case SUBSCRIBE -> ZMQ.ZMQ_SUBSCRIBE;
            case UNSUBSCRIBE -> ZMQ.ZMQ_UNSUBSCRIBE;
            case SNDBUF -> ZMQ.ZMQ_SNDBUF;
            case RCVBUF -> ZMQ.ZMQ_RCVBUF;
            case RCVMORE -> ZMQ.ZMQ_RCVMORE;
            case FD -> ZMQ.ZMQ_FD;
            case EVENTS -> ZMQ.ZMQ_EVENTS;
            case TYPE -> ZMQ.ZMQ_TYPE;
            case LINGER -> ZMQ.ZMQ_LINGER;
            case RECONNECT_IVL -> ZMQ.ZMQ_RECONNECT_IVL;
            case BACKLOG -> ZMQ.ZMQ_BACKLOG;
            case RECONNECT_IVL_MAX -> ZMQ.ZMQ_RECONNECT_IVL_MAX;
            case MAXMSGSIZE -> ZMQ.ZMQ_MAXMSGSIZE;
            case SNDHWM -> ZMQ.ZMQ_SNDHWM;
            case RCVHWM -> ZMQ.ZMQ_RCVHWM;
            case RCVTIMEO -> ZMQ.ZMQ_RCVTIMEO;
            case SNDTIMEO -> ZMQ.ZMQ_SNDTIMEO;
            case LAST_ENDPOINT -> ZMQ.ZMQ_LAST_ENDPOINT;
            case ROUTER_MANDATORY -> ZMQ.ZMQ_ROUTER_MANDATORY;
            case TCP_KEEPALIVE -> ZMQ.ZMQ_TCP_KEEPALIVE;
            case TCP_KEEPALIVE_CNT -> ZMQ.ZMQ_TCP_KEEPALIVE_CNT;
            case TCP_KEEPALIVE_IDLE -> ZMQ.ZMQ_TCP_KEEPALIVE_IDLE;
            case TCP_KEEPALIVE_INTVL -> ZMQ.ZMQ_TCP_KEEPALIVE_INTVL;
            case IMMEDIATE -> ZMQ.ZMQ_IMMEDIATE;
            case XPUB_VERBOSE -> ZMQ.ZMQ_XPUB_VERBOSE;
            case XPUB_NODROP -> ZMQ.ZMQ_XPUB_NODROP;
            case XPUB_MANUAL -> ZMQ.ZMQ_XPUB_MANUAL;
            case IPV6 -> ZMQ.ZMQ_IPV6;
            case PLAIN_SERVER -> ZMQ.ZMQ_PLAIN_SERVER;
            case PLAIN_USERNAME -> ZMQ.ZMQ_PLAIN_USERNAME;
            case PLAIN_PASSWORD -> ZMQ.ZMQ_PLAIN_PASSWORD;
            case CURVE_SERVER -> ZMQ.ZMQ_CURVE_SERVER;
            case CURVE_PUBLICKEY -> ZMQ.ZMQ_CURVE_PUBLICKEY;
            case CURVE_SECRETKEY -> ZMQ.ZMQ_CURVE_SECRETKEY;
            case CURVE_SERVERKEY -> ZMQ.ZMQ_CURVE_SERVERKEY;
            case ZAP_DOMAIN -> ZMQ.ZMQ_ZAP_DOMAIN;
            case HANDSHAKE_IVL -> ZMQ.ZMQ_HANDSHAKE_IVL;
            case HEARTBEAT_IVL -> ZMQ.ZMQ_HEARTBEAT_IVL;
            case HEARTBEAT_TTL -> ZMQ.ZMQ_HEARTBEAT_TTL;
            case HEARTBEAT_TIMEOUT -> ZMQ.ZMQ_HEARTBEAT_TIMEOUT;
        };
    }

    private void set(OptionId option, Object value) {
        checkOpen("set " + option);
        boolean ok;
        try {
            ok = base.setSocketOpt(code(option), value);
        } catch (IllegalArgumentException e) {
            ok = false;
        } catch (RuntimeException e) {
            throw translated(e, "set ZMQ_" + option, null);
        }
        if (!ok) {
            throw JeromqErrors.error("set ZMQ_" + option, errnoOr(ZError.EINVAL), null);
        }
    }

    private Object get(OptionId option) {
        checkOpen("get " + option);
        if (option == OptionId.RCVMORE) {
            return more ? 1 : 0;
        }
        Object v;
        try {
            v = base.getSocketOptx(code(option));
        } catch (IllegalArgumentException e) {
            throw JeromqErrors.error("get ZMQ_" + option, ZError.EINVAL, null);
        }
        if (v == null) {
            throw JeromqErrors.unsupported("reading ZMQ_" + option);
        }
        return v;
    }

    /** libzmq's range of an int option where JeroMQ accepts more; a value outside it is EINVAL on both. */
    private static boolean inRange(OptionId option, int value) {
        return switch (option) {
            case LINGER, RCVTIMEO, SNDTIMEO, RECONNECT_IVL, SNDBUF, RCVBUF -> value >= -1;
            case TCP_KEEPALIVE -> value >= -1 && value <= 1;
            case TCP_KEEPALIVE_CNT, TCP_KEEPALIVE_IDLE, TCP_KEEPALIVE_INTVL -> value >= -1;
            case SNDHWM, RCVHWM, BACKLOG, RECONNECT_IVL_MAX, HANDSHAKE_IVL, HEARTBEAT_IVL, HEARTBEAT_TIMEOUT ->
                value >= 0;
            case HEARTBEAT_TTL -> value >= 0 && value <= 6_553_599;
            default -> true;
        };
    }

    @Override
    public void setInt(OptionId option, int value) {
        if (!inRange(option, value)) {
            checkOpen("set " + option);
            throw JeromqErrors.error("set ZMQ_" + option, ZError.EINVAL, null);
        }
        Object v = switch (option) {
            // JeroMQ parses these as booleans.
            case IMMEDIATE,
                    ROUTER_MANDATORY,
                    CURVE_SERVER,
                    PLAIN_SERVER,
                    IPV6,
                    XPUB_VERBOSE,
                    XPUB_NODROP,
                    XPUB_MANUAL -> value != 0;
            default -> value;
        };
        set(option, v);
    }

    @Override
    public void setLong(OptionId option, long value) {
        set(option, value);
    }

    @Override
    public void setBytes(OptionId option, byte[] value) {
        if (option == OptionId.ROUTING_ID && (value.length == 0 || value.length > 255)) {
            // libzmq's rule (1 to 255 bytes); JeroMQ would accept an empty id and misroute.
            throw JeromqErrors.error("set ZMQ_" + option, ZError.EINVAL, null);
        }
        if (option.kind() == OptionId.Kind.STRING) { // JeroMQ takes text options as String
            set(option, new String(value, StandardCharsets.UTF_8));
        } else if ((option == OptionId.SUBSCRIBE || option == OptionId.UNSUBSCRIBE)
                && base instanceof zmq.socket.pubsub.XPub) {
            // JeroMQ 0.6 reads an XPUB's manual (un)subscription from its second byte, as if it were the
            // subscription message with its flag byte: give it one, so the topic is the one asked for
            byte[] flagged = new byte[value.length + 1];
            flagged[0] = (byte) (option == OptionId.SUBSCRIBE ? 1 : 0);
            System.arraycopy(value, 0, flagged, 1, value.length);
            set(option, flagged);
        } else {
            set(option, value);
        }
    }

    @Override
    public int getInt(OptionId option) {
        Object v = get(option);
        return switch (v) {
            case Integer i -> i;
            case Long l -> Math.toIntExact(l);
            case Boolean b -> b ? 1 : 0;
            default ->
                throw JeromqErrors.unsupported("reading ZMQ_" + option + " as a number (it is a "
                        + v.getClass().getSimpleName() + ")");
        };
    }

    @Override
    public long getLong(OptionId option) {
        Object v = get(option);
        return switch (v) {
            case Integer i -> i;
            case Long l -> l;
            default ->
                throw JeromqErrors.unsupported("reading ZMQ_" + option + " as a number (JeroMQ gives a "
                        + v.getClass().getSimpleName() + ")");
        };
    }

    @Override
    public byte[] getBytes(OptionId option) {
        Object v = get(option);
        return switch (v) {
            case byte[] b -> b.clone();
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            default -> throw JeromqErrors.unsupported("reading ZMQ_" + option + " as bytes");
        };
    }

    @Override
    public String getString(OptionId option) {
        Object v = get(option);
        return switch (v) {
            case String s -> s;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            default -> v.toString();
        };
    }

    @Override
    public void monitor(String endpoint, int events) {
        checkOpen("monitor");
        boolean ok;
        try {
            ok = base.monitor(endpoint, events);
        } catch (RuntimeException e) {
            throw translated(e, "monitor", endpoint);
        }
        if (!ok) {
            throw JeromqErrors.error("monitor", errnoOr(ZError.EINVAL), endpoint);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            base.close();
        }
    }
}
