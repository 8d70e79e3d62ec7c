package io.stui.server.events;

import io.stui.zmq.Curve;
import io.stui.zmq.SocketOption;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events socket: an XPUB that only its own thread touches (ZeroMQ sockets are not thread-safe). Workers hand
 * events over through a bounded queue and never wait: a full queue drops the event.
 *
 * <p>XPUB rather than PUB so the server hears subscriptions: {@link #wants} lets callers skip building events for
 * topics nobody listens to, and each subscription is answered with a {@code subscribed} event on its prefix, which
 * tells a subscriber it is now receiving (ZeroMQ's slow joiner: without it a client cannot know when it starts to
 * receive).
 *
 * <p>A slow subscriber never slows the server: sends are non-blocking and {@code ZMQ_XPUB_NODROP} makes a send that
 * meets a subscriber at its high-water mark fail instead of dropping silently, so the drop is counted; the event is
 * then sent again in the lossy mode, so subscribers that keep up still get it. {@link #dropped()} counts events that
 * at least one subscriber missed (queue full, or a subscriber at its high-water mark).
 *
 * <p>On a server that authenticates clients a {@link SubscriptionGate} decides each subscription (ZMQ_XPUB_MANUAL:
 * nothing takes effect until this thread subscribes the peer); a refused one is logged and gets no answer. The
 * topics {@link #wants} reports are then those ever admitted whose session is still live: an unsubscription cannot
 * say which peer left (libzmq sends a departed peer's without its identity), so the set only shrinks as sessions end.
 */
public final class EventPublisher implements Events, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    /** Events waiting for the publisher thread; beyond this the server is producing faster than it can send. */
    static final int QUEUE_CAPACITY = 8192;
    /** How often the thread looks for new subscriptions while no event arrives and someone is subscribed. */
    private static final long IDLE_POLL_MS = 20;
    /**
     * How long the thread waits in a receive on the socket while nobody is subscribed (no event can be queued then):
     * a subscription wakes it at once, so this bounds only how late a close is noticed. Polling every
     * {@link #IDLE_POLL_MS} instead cost 50 wake-ups a second on a server with no subscriber, under load too.
     */
    static final int UNSUBSCRIBED_WAIT_MS = 200;

    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ZSocket socket;
    private final String endpoint;
    private final Thread thread;
    /** Decides subscriptions on a server that authenticates clients; null: every subscription takes effect. */
    private final SubscriptionGate gate;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    /** Subscribed prefixes; replaced (never changed) by the publisher thread, read by every caller of wants. */
    private volatile String[] prefixes = new String[0];

    private volatile boolean running = true;
    private long seq;

    private EventPublisher(ZSocket socket, String endpoint, SubscriptionGate gate) {
        this.socket = socket;
        this.endpoint = endpoint;
        this.gate = gate;
        // socket handed to this thread: Thread.start is the memory barrier ZeroMQ asks for when a socket migrates
        this.thread = new Thread(this::run, "stui-events");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Binds the events socket on {@code endpoint} (a {@code *} port picks a free one) and starts its thread.
     *
     * @param hwm            send high-water mark per subscriber
     * @param curveSecretZ85 the server's CURVE secret key (as the main socket's), or null
     */
    public static EventPublisher start(ZContext context, String endpoint, int hwm, String curveSecretZ85) {
        return start(context, endpoint, hwm, curveSecretZ85, false, null);
    }

    /**
     * As {@link #start(ZContext, String, int, String)} on a server that authenticates clients.
     *
     * @param plainServer whether subscribers log in with PLAIN (checked by the context's ZAP handler)
     * @param gate        decides each subscription, or null to let every one take effect
     */
    public static EventPublisher start(
            ZContext context,
            String endpoint,
            int hwm,
            String curveSecretZ85,
            boolean plainServer,
            SubscriptionGate gate) {
        ZSocket s = context.createSocket(SocketType.XPUB);
        try {
            s.setSndHwm(hwm);
            s.set(SocketOption.XPUB_VERBOSE, true);
            s.set(SocketOption.XPUB_NODROP, true);
            s.setRcvTimeout(UNSUBSCRIBED_WAIT_MS);
            if (curveSecretZ85 != null) {
                s.setCurveServer(Curve.keyPairFromSecret(Curve.z85Decode(curveSecretZ85)));
            } else if (plainServer) {
                s.setPlainServer(true);
            }
            if (gate != null) {
                s.set(SocketOption.XPUB_MANUAL, true);
                s.setRecordUserId(true);
            }
            s.bind(endpoint);
            return new EventPublisher(s, s.lastEndpoint(), gate);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Where the events socket binds by default: the main endpoint's next port on loopback ({@code *} stays any free
     * port), or beside an ipc path or inproc name.
     */
    public static String defaultEndpoint(String mainEndpoint) {
        int sep = mainEndpoint.indexOf("://");
        String transport = sep < 0 ? "" : mainEndpoint.substring(0, sep);
        if (transport.equals("ipc") || transport.equals("inproc")) {
            return mainEndpoint + "-events";
        }
        String port = mainEndpoint.substring(mainEndpoint.lastIndexOf(':') + 1);
        if (port.matches("[0-9]{1,5}") && Integer.parseInt(port) < 65535) {
            return "tcp://127.0.0.1:" + (Integer.parseInt(port) + 1);
        }
        return "tcp://127.0.0.1:*";
    }

    /**
     * The front's failure to bind {@code endpoint}, told why a tcp port may be taken although no server binds it: a
     * server on the port before it keeps its events socket there by default. Names that port and the flag that moves
     * the events socket; any other failure is answered as it is.
     */
    public static IllegalStateException explainTakenPort(IllegalStateException failure, String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String port = endpoint.substring(colon + 1);
        if (!(failure.getCause() instanceof ZmqException z)
                || z.code() != ZmqError.EADDRINUSE
                || !endpoint.startsWith("tcp://")
                || !port.matches("[0-9]{1,5}")
                || Integer.parseInt(port) < 2) {
            return failure;
        }
        int previous = Integer.parseInt(port) - 1;
        return new IllegalStateException(
                failure.getMessage() + " A server on port " + previous + " binds its events socket on port " + port
                        + " unless it is started with --events-endpoint (tcp://127.0.0.1:* for any free port, none"
                        + " for no events).",
                z);
    }

    /** The endpoint bound (port resolved). */
    public String endpoint() {
        return endpoint;
    }

    /** Events at least one subscriber missed since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Events sent since start. */
    public long published() {
        return published.get();
    }

    @Override
    public boolean wants(String topic) {
        for (String p : prefixes) {
            if (topic.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish(String topic, String kind, String requestId, Map<String, Object> fields) {
        if (!running || !queue.offer(new Event(topic, kind, requestId, fields, System.currentTimeMillis()))) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        try {
            while (running) {
                if (prefixes.length == 0 && queue.isEmpty()) {
                    // nobody listens, so callers queue nothing (they ask wants first): sleep in the socket until a
                    // subscription arrives
                    socket.receive().ifPresent(this::subscription);
                }
                readSubscriptions();
                Event e = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                while (e != null) {
                    send(e);
                    e = queue.poll();
                }
            }
            // what was queued before close is still sent (close waits for this thread)
            for (Event e = queue.poll(); e != null; e = queue.poll()) {
                send(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }

    /** Takes in subscriptions and unsubscriptions: a first byte 1 or 0, then the prefix. */
    private void readSubscriptions() {
        Optional<byte[]> m;
        while ((m = socket.receive(ZSocket.DONTWAIT)).isPresent()) {
            subscription(m.get());
        }
    }

    /** Takes in one message from a subscriber: a subscription or an unsubscription. */
    private void subscription(byte[] b) {
        if (b.length == 0 || (b[0] != 0 && b[0] != 1)) {
            return; // not a subscription: XPUB passes up whatever a peer sends
        }
        if (gate != null) {
            decide(b, socket.lastUserId());
            return;
        }
        String prefix = new String(b, 1, b.length - 1, StandardCharsets.UTF_8);
        String[] now = prefixes;
        boolean known = Arrays.asList(now).contains(prefix);
        if (b[0] == 1) {
            if (!known) {
                String[] next = Arrays.copyOf(now, now.length + 1);
                next[now.length] = prefix;
                prefixes = next;
            }
            // verbose: every subscriber's subscription comes up, so each one hears it is live
            send(new Event(prefix, "subscribed", null, Map.of("prefix", prefix), System.currentTimeMillis()));
        } else if (known) {
            // unsubscriptions come up only when the last subscriber of the prefix has gone
            prefixes = Arrays.stream(now).filter(p -> !p.equals(prefix)).toArray(String[]::new);
        }
    }

    /** Applies a subscription the gate admits to the peer that sent it; refuses the others. */
    private void decide(byte[] b, String userId) {
        if (b[0] == 0) {
            // the peer's own subscription goes, whichever it was; the topic stays wanted while its session lives
            socket.unsubscribe(SubscriptionGate.topicOf(b, 1));
            return;
        }
        String topic = gate.admit(b, 1, userId);
        if (topic == null) {
            boolean credential = (userId != null && !userId.isEmpty()) || SubscriptionGate.topicEnd(b, 1) < b.length;
            // a token client's bare topic (its local filter) is refused by design: only a credential refused is news
            if (credential) {
                log.warn(
                        "event=subscription_refused user_id={} length={}", userId == null ? "-" : userId, b.length - 1);
            } else {
                log.debug("event=subscription_refused reason=no_identity length={}", b.length - 1);
            }
            return;
        }
        socket.subscribe(topic);
        String[] now = Arrays.stream(prefixes).filter(gate::live).toArray(String[]::new);
        if (!Arrays.asList(now).contains(topic)) {
            now = Arrays.copyOf(now, now.length + 1);
            now[now.length - 1] = topic;
        }
        prefixes = now;
        send(new Event(topic, "subscribed", null, Map.of("prefix", topic), System.currentTimeMillis()));
    }

    private void send(Event e) {
        try {
            byte[] topic = e.topicBytes();
            byte[] body = e.toJson(++seq);
            if (socket.send(topic, ZSocket.SNDMORE | ZSocket.DONTWAIT) || sendAfterTakingInReads(topic)) {
                // counted before the last frame makes the event visible: a subscriber that has it sees it counted
                published.incrementAndGet();
                socket.send(body, ZSocket.DONTWAIT);
                return;
            }
            // a subscriber of this topic is at its high-water mark: count it, and let the others have the event
            dropped.incrementAndGet();
            socket.set(SocketOption.XPUB_NODROP, false);
            try {
                if (socket.send(topic, ZSocket.SNDMORE | ZSocket.DONTWAIT)) {
                    socket.send(body, ZSocket.DONTWAIT);
                }
            } finally {
                socket.set(SocketOption.XPUB_NODROP, true);
            }
        } catch (RuntimeException ex) {
            dropped.incrementAndGet();
            log.warn("event=event_send_failed kind={} error=\"{}\"", e.kind(), ex.toString());
        }
    }

    /**
     * Sends the topic frame again after taking in what the subscribers have read: while sending, libzmq takes in its
     * peers' notices of what they read at most once a millisecond, so a subscriber that has read every event may
     * still look full; reading ZMQ_EVENTS takes them in at once. Only then is a refused send a subscriber at its
     * high-water mark, and the lossy send after it reaches every subscriber that keeps up.
     */
    private boolean sendAfterTakingInReads(byte[] topic) {
        socket.getEvents();
        return socket.send(topic, ZSocket.SNDMORE | ZSocket.DONTWAIT);
    }

    /** Stops taking events, sends what was queued and closes the socket. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
