package io.stui.zmq;

/**
 * The stable socket types of libzmq 4.3, with the numbers zmq.h gives them.
 *
 * <p>Draft types (SERVER, CLIENT, RADIO, DISH, GATHER, SCATTER, DGRAM, PEER, CHANNEL) are left out on
 * purpose: they are not built into the Debian libzmq and JeroMQ does not have them all.
 */
public enum SocketType {
    PAIR(0),
    PUB(1),
    SUB(2),
    REQ(3),
    REP(4),
    DEALER(5),
    ROUTER(6),
    PULL(7),
    PUSH(8),
    XPUB(9),
    XSUB(10),
    STREAM(11);

    private final int code;

    SocketType(int code) {
        this.code = code;
    }

    /** The ZMQ_* number of this type, as in zmq.h. */
    public int code() {
        return code;
    }

    /** The type with the given ZMQ_* number. */
    public static SocketType fromCode(int code) {
        for (SocketType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown ZeroMQ socket type number " + code);
    }
}
