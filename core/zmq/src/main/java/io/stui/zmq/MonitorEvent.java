package io.stui.zmq;

import java.util.EnumSet;
import java.util.Set;

/**
 * One socket monitor event.
 *
 * @param kind     what happened
 * @param value    the event's value: a file descriptor for CONNECTED/LISTENING/ACCEPTED/CLOSED/DISCONNECTED,
 *                 an errno for the *_FAILED events, a reconnect interval for CONNECT_RETRIED, or -1 when
 *                 the backend does not report one
 * @param endpoint the endpoint the event is about
 */
public record MonitorEvent(Kind kind, long value, String endpoint) {

    /** Event kinds with libzmq's ZMQ_EVENT_* bits. */
    public enum Kind {
        CONNECTED(0x0001),
        CONNECT_DELAYED(0x0002),
        CONNECT_RETRIED(0x0004),
        LISTENING(0x0008),
        BIND_FAILED(0x0010),
        ACCEPTED(0x0020),
        ACCEPT_FAILED(0x0040),
        CLOSED(0x0080),
        CLOSE_FAILED(0x0100),
        DISCONNECTED(0x0200),
        MONITOR_STOPPED(0x0400),
        HANDSHAKE_FAILED_NO_DETAIL(0x0800),
        HANDSHAKE_SUCCEEDED(0x1000),
        HANDSHAKE_FAILED_PROTOCOL(0x2000),
        HANDSHAKE_FAILED_AUTH(0x4000);

        private final int bit;

        Kind(int bit) {
            this.bit = bit;
        }

        /** The ZMQ_EVENT_* bit. */
        public int bit() {
            return bit;
        }

        /** The kind for a ZMQ_EVENT_* bit, or null if unknown. */
        public static Kind fromBit(int bit) {
            for (Kind k : values()) {
                if (k.bit == bit) {
                    return k;
                }
            }
            return null;
        }

        /** The bit mask of a set of kinds. */
        public static int mask(Set<Kind> kinds) {
            int m = 0;
            for (Kind k : kinds) {
                m |= k.bit;
            }
            return m;
        }

        /** All kinds. */
        public static Set<Kind> all() {
            return EnumSet.allOf(Kind.class);
        }
    }

    /** True for the three handshake failure kinds. */
    public boolean isHandshakeFailure() {
        return kind == Kind.HANDSHAKE_FAILED_AUTH
                || kind == Kind.HANDSHAKE_FAILED_PROTOCOL
                || kind == Kind.HANDSHAKE_FAILED_NO_DETAIL;
    }
}
