package io.stui.zmq.spi;

/**
 * The socket options the backends know, with libzmq's option numbers and value kinds (the public,
 * typed face of each is {@link io.stui.zmq.SocketOption}). Backends map
 * these to their own numbers (JeroMQ's differ for some, e.g. IMMEDIATE).
 */
public enum OptionId {
    ROUTING_ID(5, Kind.BYTES),
    SUBSCRIBE(6, Kind.BYTES),
    UNSUBSCRIBE(7, Kind.BYTES),
    SNDBUF(11, Kind.INT),
    RCVBUF(12, Kind.INT),
    RCVMORE(13, Kind.INT),
    FD(14, Kind.FD),
    EVENTS(15, Kind.INT),
    TYPE(16, Kind.INT),
    LINGER(17, Kind.INT),
    RECONNECT_IVL(18, Kind.INT),
    BACKLOG(19, Kind.INT),
    RECONNECT_IVL_MAX(21, Kind.INT),
    MAXMSGSIZE(22, Kind.LONG),
    SNDHWM(23, Kind.INT),
    RCVHWM(24, Kind.INT),
    RCVTIMEO(27, Kind.INT),
    SNDTIMEO(28, Kind.INT),
    LAST_ENDPOINT(32, Kind.STRING),
    ROUTER_MANDATORY(33, Kind.INT),
    TCP_KEEPALIVE(34, Kind.INT),
    TCP_KEEPALIVE_CNT(35, Kind.INT),
    TCP_KEEPALIVE_IDLE(36, Kind.INT),
    TCP_KEEPALIVE_INTVL(37, Kind.INT),
    IMMEDIATE(39, Kind.INT),
    XPUB_VERBOSE(40, Kind.INT),
    IPV6(42, Kind.INT),
    PLAIN_SERVER(44, Kind.INT),
    PLAIN_USERNAME(45, Kind.STRING),
    PLAIN_PASSWORD(46, Kind.STRING),
    CURVE_SERVER(47, Kind.INT),
    CURVE_PUBLICKEY(48, Kind.BYTES),
    CURVE_SECRETKEY(49, Kind.BYTES),
    CURVE_SERVERKEY(50, Kind.BYTES),
    ZAP_DOMAIN(55, Kind.STRING),
    HANDSHAKE_IVL(66, Kind.INT),
    XPUB_NODROP(69, Kind.INT),
    XPUB_MANUAL(71, Kind.INT),
    HEARTBEAT_IVL(75, Kind.INT),
    HEARTBEAT_TTL(76, Kind.INT),
    HEARTBEAT_TIMEOUT(77, Kind.INT);

    /** How the option's value is passed to zmq_setsockopt/zmq_getsockopt. */
    public enum Kind {
        /** C int. */
        INT,
        /** int64_t / uint64_t. */
        LONG,
        /** Binary blob. */
        BYTES,
        /** NUL-terminated string. */
        STRING,
        /** A file descriptor (int on POSIX). */
        FD
    }

    private final int code;
    private final Kind kind;

    OptionId(int code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** libzmq's ZMQ_* number. */
    public int code() {
        return code;
    }

    /** The value kind. */
    public Kind kind() {
        return kind;
    }
}
