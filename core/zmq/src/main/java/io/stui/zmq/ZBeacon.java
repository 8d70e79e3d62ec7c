package io.stui.zmq;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * UDP discovery, as JeroMQ's {@code ZBeacon}: broadcasts a small beacon to a port every interval and
 * hands the beacons of others that start with a prefix to a listener. It uses no ZeroMQ socket, so it
 * is the same on both backends. IPv4 only.
 *
 * <pre>{@code
 * try (ZBeacon beacon = new ZBeacon("255.255.255.255", 5670, "SVC tcp://10.0.0.5:5555".getBytes())) {
 *     beacon.setPrefix("SVC".getBytes());
 *     beacon.setListener((sender, data) -> found.add(new String(data)));
 *     beacon.start();
 *     ...
 * }
 * }</pre>
 */
public final class ZBeacon implements AutoCloseable {
    /** The longest beacon sent or taken (CZMQ's limit); longer datagrams are ignored. */
    public static final int MAX_BEACON_BYTES = 255;

    /** Receives the beacons of others; called on the beacon's receiving thread. */
    @FunctionalInterface
    public interface Listener {
        void onBeacon(InetAddress sender, byte[] beacon);
    }

    private final InetSocketAddress target;
    private final byte[] beacon;
    private final boolean ignoreSelf;
    private volatile byte[] prefix = new byte[0];
    private volatile Listener listener = (sender, data) -> {};
    private volatile Duration interval = Duration.ofSeconds(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DatagramChannel receiver;
    private DatagramChannel sender;
    private Thread receiving;
    private Thread broadcasting;

    /** Beacons to {@code broadcastAddress:port}, ignoring its own. */
    public ZBeacon(String broadcastAddress, int port, byte[] beacon) {
        this(broadcastAddress, port, beacon, true);
    }

    /**
     * Beacons to {@code broadcastAddress:port} (e.g. {@code 255.255.255.255}, or {@code 127.255.255.255} on
     * loopback); with {@code ignoreSelf} its own beacons are not handed to the listener.
     */
    public ZBeacon(String broadcastAddress, int port, byte[] beacon, boolean ignoreSelf) {
        if (beacon.length > MAX_BEACON_BYTES) {
            throw new IllegalArgumentException("a beacon is at most " + MAX_BEACON_BYTES + " bytes");
        }
        this.target = new InetSocketAddress(broadcastAddress, port);
        this.beacon = beacon.clone();
        this.ignoreSelf = ignoreSelf;
    }

    /** Only beacons starting with these bytes reach the listener (empty: all). */
    public void setPrefix(byte[] prefix) {
        this.prefix = prefix.clone();
    }

    /** Who receives the beacons of others. */
    public void setListener(Listener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** How often the beacon goes out (default one second). */
    public void setBroadcastInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + interval);
        }
        this.interval = interval;
    }

    /**
     * Starts listening on the port (shared with other beacons of this machine) and broadcasting.
     *
     * @throws IOException if the port cannot be opened
     */
    public synchronized void start() throws IOException {
        if (receiver != null) {
            throw new IllegalStateException("this beacon has been started already");
        }
        receiver = DatagramChannel.open(StandardProtocolFamily.INET);
        receiver.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        receiver.bind(new InetSocketAddress(target.getPort()));
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        sender.setOption(StandardSocketOptions.SO_BROADCAST, true);
        sender.bind(new InetSocketAddress(0));
        int ownPort = ((InetSocketAddress) sender.getLocalAddress()).getPort();
        receiving = Thread.ofPlatform().daemon().name("zbeacon-receive").start(() -> receive(ownPort));
        broadcasting = Thread.ofPlatform().daemon().name("zbeacon-send").start(this::broadcast);
    }

    private void broadcast() {
        try {
            do {
                sender.send(ByteBuffer.wrap(beacon), target);
            } while (!stopped.await(interval.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ClosedChannelException | InterruptedException e) {
            // stopped
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ZBeacon.class).warn("beacon to {} failed: {}", target, e.toString());
        }
    }

    private void receive(int ownPort) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_BEACON_BYTES + 1);
        try {
            while (true) {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) receiver.receive(buf);
                buf.flip();
                if (buf.remaining() > MAX_BEACON_BYTES || (ignoreSelf && from.getPort() == ownPort)) {
                    continue;
                }
                byte[] data = new byte[buf.remaining()];
                buf.get(data);
                byte[] p = prefix;
                if (data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length)) {
                    listener.onBeacon(from.getAddress(), data);
                }
            }
        } catch (IOException e) {
            // closed by stop()
        }
    }

    /** Stops broadcasting and listening. Idempotent. */
    public synchronized void stop() {
        stopped.countDown();
        closeQuietly(receiver);
        closeQuietly(sender);
        join(receiving);
        join(broadcasting);
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
    }

    private static void join(Thread thread) {
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
