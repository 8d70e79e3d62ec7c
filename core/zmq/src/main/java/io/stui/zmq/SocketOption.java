package io.stui.zmq;

import io.stui.zmq.spi.OptionId;
import io.stui.zmq.spi.SocketDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A socket option with the Java type of its value, for {@link ZSocket#set(SocketOption, Object)} and
 * {@link ZSocket#get(SocketOption)}:
 *
 * <pre>{@code
 * socket.set(SocketOption.LINGER, Duration.ZERO);
 * socket.set(SocketOption.SNDHWM, 10_000);
 * Duration timeout = socket.get(SocketOption.RCVTIMEO);
 * }</pre>
 *
 * Times are {@link Duration}s, sent to ZeroMQ in milliseconds (seconds for the TCP keep-alive ones);
 * a negative duration stands for ZeroMQ's -1 ("forever" or "system default", as the option says) and
 * -1 reads back as {@link #FOREVER}. Values out of the option's range throw {@link ZmqException}
 * {@code EINVAL} on both backends. The typed setters of {@link ZSocket} ({@code setLinger(int)} ...)
 * are the same options.
 *
 * @param <T> the type of the option's value
 */
public final class SocketOption<T> {
    /** -1 as a duration: wait forever, keep forever, or the system's default, as the option says. */
    public static final Duration FOREVER = Duration.ofMillis(-1);

    /** ZMQ_LINGER: how long close keeps unsent messages; zero drops them, {@link #FOREVER} keeps them. */
    public static final SocketOption<Duration> LINGER = millis(OptionId.LINGER);
    /** ZMQ_SNDHWM: high water mark of outbound messages (0 unlimited). */
    public static final SocketOption<Integer> SNDHWM = integer(OptionId.SNDHWM);
    /** ZMQ_RCVHWM: high water mark of inbound messages (0 unlimited). */
    public static final SocketOption<Integer> RCVHWM = integer(OptionId.RCVHWM);
    /** ZMQ_SNDTIMEO: a blocking send gives up after this ({@link #FOREVER}: never). */
    public static final SocketOption<Duration> SNDTIMEO = millis(OptionId.SNDTIMEO);
    /** ZMQ_RCVTIMEO: a blocking receive gives up after this ({@link #FOREVER}: never). */
    public static final SocketOption<Duration> RCVTIMEO = millis(OptionId.RCVTIMEO);
    /** ZMQ_ROUTING_ID: 1 to 255 bytes, not starting with a zero byte. */
    public static final SocketOption<byte[]> ROUTING_ID = bytes(OptionId.ROUTING_ID);
    /** ZMQ_MAXMSGSIZE in bytes: peers sending bigger messages are disconnected (-1 no limit). */
    public static final SocketOption<Long> MAXMSGSIZE = longValue(OptionId.MAXMSGSIZE);
    /** ZMQ_IMMEDIATE: queue messages only to completed connections. */
    public static final SocketOption<Boolean> IMMEDIATE = bool(OptionId.IMMEDIATE);
    /** ZMQ_ROUTER_MANDATORY: unknown routing ids fail with EHOSTUNREACH. Write-only (libzmq 4.3 cannot read it). */
    public static final SocketOption<Boolean> ROUTER_MANDATORY = bool(OptionId.ROUTER_MANDATORY);
    /** ZMQ_XPUB_VERBOSE (XPUB): pass every subscription up, not only the first of each topic. Write-only. */
    public static final SocketOption<Boolean> XPUB_VERBOSE = bool(OptionId.XPUB_VERBOSE);
    /**
     * ZMQ_XPUB_NODROP (PUB, XPUB): a send that meets a subscriber at its high-water mark fails as would-block
     * (false) instead of dropping silently, so the sender can count it. Write-only.
     */
    public static final SocketOption<Boolean> XPUB_NODROP = bool(OptionId.XPUB_NODROP);
    /**
     * ZMQ_XPUB_MANUAL (XPUB): subscriptions take effect only when the application subscribes the peer that sent the
     * last one it received ({@code ZMQ_SUBSCRIBE} on the XPUB), so it can refuse them. Write-only.
     */
    public static final SocketOption<Boolean> XPUB_MANUAL = bool(OptionId.XPUB_MANUAL);
    /** ZMQ_RECONNECT_IVL ({@link #FOREVER}: no reconnection). */
    public static final SocketOption<Duration> RECONNECT_IVL = millis(OptionId.RECONNECT_IVL);
    /** ZMQ_RECONNECT_IVL_MAX (zero: no back-off). */
    public static final SocketOption<Duration> RECONNECT_IVL_MAX = millis(OptionId.RECONNECT_IVL_MAX);
    /** ZMQ_HANDSHAKE_IVL: an unfinished ZMTP handshake is dropped after this (zero: no limit). */
    public static final SocketOption<Duration> HANDSHAKE_IVL = millis(OptionId.HANDSHAKE_IVL);
    /** ZMQ_HEARTBEAT_IVL: ZMTP PINGs this often (zero: off). */
    public static final SocketOption<Duration> HEARTBEAT_IVL = millis(OptionId.HEARTBEAT_IVL);
    /** ZMQ_HEARTBEAT_TTL: how long the peer waits for traffic (libzmq keeps tenths of seconds). */
    public static final SocketOption<Duration> HEARTBEAT_TTL = millis(OptionId.HEARTBEAT_TTL);
    /** ZMQ_HEARTBEAT_TIMEOUT: close the connection if nothing arrives this long after a PING. */
    public static final SocketOption<Duration> HEARTBEAT_TIMEOUT = millis(OptionId.HEARTBEAT_TIMEOUT);
    /** ZMQ_TCP_KEEPALIVE: -1 system default, 0 off, 1 on. */
    public static final SocketOption<Integer> TCP_KEEPALIVE = integer(OptionId.TCP_KEEPALIVE);
    /** ZMQ_TCP_KEEPALIVE_IDLE, in whole seconds ({@link #FOREVER}: the system's default). */
    public static final SocketOption<Duration> TCP_KEEPALIVE_IDLE = seconds(OptionId.TCP_KEEPALIVE_IDLE);
    /** ZMQ_TCP_KEEPALIVE_INTVL, in whole seconds ({@link #FOREVER}: the system's default). */
    public static final SocketOption<Duration> TCP_KEEPALIVE_INTVL = seconds(OptionId.TCP_KEEPALIVE_INTVL);
    /** ZMQ_TCP_KEEPALIVE_CNT (-1 system default). */
    public static final SocketOption<Integer> TCP_KEEPALIVE_CNT = integer(OptionId.TCP_KEEPALIVE_CNT);
    /** ZMQ_SNDBUF: kernel send buffer in bytes (-1 system default). */
    public static final SocketOption<Integer> SNDBUF = integer(OptionId.SNDBUF);
    /** ZMQ_RCVBUF: kernel receive buffer in bytes (-1 system default). */
    public static final SocketOption<Integer> RCVBUF = integer(OptionId.RCVBUF);
    /** ZMQ_BACKLOG: pending connections a listening socket queues. */
    public static final SocketOption<Integer> BACKLOG = integer(OptionId.BACKLOG);
    /** ZMQ_IPV6: tcp endpoints use IPv6 as well as IPv4. */
    public static final SocketOption<Boolean> IPV6 = bool(OptionId.IPV6);
    /** ZMQ_CURVE_SERVER: this socket is a CURVE server. */
    public static final SocketOption<Boolean> CURVE_SERVER = bool(OptionId.CURVE_SERVER);
    /** ZMQ_CURVE_PUBLICKEY: this socket's long-term public key, 32 bytes. */
    public static final SocketOption<byte[]> CURVE_PUBLICKEY = key(OptionId.CURVE_PUBLICKEY);
    /** ZMQ_CURVE_SECRETKEY: this socket's long-term secret key, 32 bytes. */
    public static final SocketOption<byte[]> CURVE_SECRETKEY = key(OptionId.CURVE_SECRETKEY);
    /** ZMQ_CURVE_SERVERKEY (clients): the server's public key, 32 bytes. */
    public static final SocketOption<byte[]> CURVE_SERVERKEY = key(OptionId.CURVE_SERVERKEY);
    /** ZMQ_PLAIN_SERVER: this socket is a PLAIN server (credentials checked by a ZAP handler, e.g. {@link ZAuth}). */
    public static final SocketOption<Boolean> PLAIN_SERVER = bool(OptionId.PLAIN_SERVER);
    /** ZMQ_PLAIN_USERNAME (PLAIN clients). */
    public static final SocketOption<String> PLAIN_USERNAME = text(OptionId.PLAIN_USERNAME);
    /** ZMQ_PLAIN_PASSWORD (PLAIN clients). */
    public static final SocketOption<String> PLAIN_PASSWORD = text(OptionId.PLAIN_PASSWORD);
    /** ZMQ_ZAP_DOMAIN: the authentication domain a ZAP handler is told. */
    public static final SocketOption<String> ZAP_DOMAIN = text(OptionId.ZAP_DOMAIN);
    /** ZMQ_LAST_ENDPOINT (read-only): the last endpoint bound or connected, resolved. */
    public static final SocketOption<String> LAST_ENDPOINT = text(OptionId.LAST_ENDPOINT);
    /** ZMQ_EVENTS (read-only): a mask of {@link ZPoller#POLLIN} and {@link ZPoller#POLLOUT}. */
    public static final SocketOption<Integer> EVENTS = integer(OptionId.EVENTS);

    private interface Setter<T> {
        void set(SocketDriver driver, OptionId id, T value);
    }

    private interface Getter<T> {
        T get(SocketDriver driver, OptionId id);
    }

    private final OptionId id;
    private final Class<T> type;
    private final Setter<T> setter;
    private final Getter<T> getter;

    private SocketOption(OptionId id, Class<T> type, Setter<T> setter, Getter<T> getter) {
        this.id = id;
        this.type = type;
        this.setter = setter;
        this.getter = getter;
    }

    private static SocketOption<Integer> integer(OptionId id) {
        return new SocketOption<>(id, Integer.class, (d, o, v) -> d.setInt(o, v), SocketDriver::getInt);
    }

    private static SocketOption<Long> longValue(OptionId id) {
        return new SocketOption<>(id, Long.class, (d, o, v) -> d.setLong(o, v), SocketDriver::getLong);
    }

    private static SocketOption<Boolean> bool(OptionId id) {
        return new SocketOption<>(id, Boolean.class, (d, o, v) -> d.setInt(o, v ? 1 : 0), (d, o) -> d.getInt(o) != 0);
    }

    private static SocketOption<byte[]> bytes(OptionId id) {
        return new SocketOption<>(id, byte[].class, (d, o, v) -> d.setBytes(o, v.clone()), SocketDriver::getBytes);
    }

    private static SocketOption<byte[]> key(OptionId id) {
        return new SocketOption<>(
                id, byte[].class, (d, o, v) -> d.setBytes(o, Curve.checkKey(v).clone()), SocketDriver::getBytes);
    }

    private static SocketOption<String> text(OptionId id) {
        return new SocketOption<>(
                id,
                String.class,
                (d, o, v) -> d.setBytes(o, v.getBytes(StandardCharsets.UTF_8)),
                SocketDriver::getString);
    }

    private static SocketOption<Duration> millis(OptionId id) {
        return new SocketOption<>(
                id,
                Duration.class,
                (d, o, v) -> d.setInt(o, toInt(o, v.isNegative() ? -1 : v.toMillis())),
                (d, o) -> Duration.ofMillis(d.getInt(o)));
    }

    private static SocketOption<Duration> seconds(OptionId id) {
        return new SocketOption<>(
                id, Duration.class, (d, o, v) -> d.setInt(o, toInt(o, v.isNegative() ? -1 : v.toSeconds())), (d, o) -> {
                    int s = d.getInt(o);
                    return s < 0 ? FOREVER : Duration.ofSeconds(s);
                });
    }

    private static int toInt(OptionId id, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ZMQ_" + id + " takes at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    /** The option's name without the ZMQ_ prefix, e.g. {@code LINGER}. */
    public String name() {
        return id.name();
    }

    /** The Java type of the option's value. */
    public Class<T> type() {
        return type;
    }

    void set(SocketDriver driver, T value) {
        java.util.Objects.requireNonNull(value, "value");
        setter.set(driver, id, value);
    }

    T get(SocketDriver driver) {
        return getter.get(driver, id);
    }

    @Override
    public String toString() {
        return "SocketOption[" + id + ", " + type.getSimpleName() + ']';
    }
}
