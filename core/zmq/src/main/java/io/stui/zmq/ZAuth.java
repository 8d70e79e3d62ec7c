package io.stui.zmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ZAP handler (ZeroMQ's authentication protocol, rfc.zeromq.org spec 27), as JeroMQ's and CZMQ's
 * {@code ZAuth}: it answers the context's authentication requests on {@code inproc://zeromq.zap.01},
 * on its own thread, until closed. One per context.
 *
 * <ul>
 * <li>Addresses: {@link #allow} lists the only client addresses let in (when it has any);
 *     {@link #deny} refuses addresses. Checked first, for every mechanism. A NULL-mechanism server asks
 *     ZAP only if it has a {@link ZSocket#setZapDomain ZAP domain}.
 * <li>PLAIN: {@link #configurePlain} names a file of {@code user=password} lines.
 * <li>CURVE: {@link #configureCurve(Path)} names a directory of client certificates ({@link ZCertStore});
 *     a client whose public key has no certificate there is refused at the handshake.
 *     {@link #configureCurveAllowAny()} accepts every key (encryption without authentication).
 * </ul>
 *
 * Each answer is also a {@link Decision} that {@link #nextDecision(Duration)} hands out, in order, when
 * {@link #recordDecisions(boolean) recorded}: the user id is the username for PLAIN and the Z85 public key
 * for CURVE. Configuration may change at any time from any thread; it applies to the next request.
 */
public final class ZAuth implements AutoCloseable {
    /** The endpoint libzmq and JeroMQ send authentication requests to. */
    public static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";

    /** Accept any CURVE client key ({@link #configureCurve(String)} with this, as JeroMQ's constant). */
    public static final String CURVE_ALLOW_ANY = "*";

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** What the handler answered one request. */
    public record Decision(
            boolean allowed, String mechanism, String address, String domain, String userId, String statusText) {}

    private final ZSocket control;
    private final Thread thread;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private volatile Path passwordsFile;
    private volatile ZCertStore curveStore;
    private volatile boolean curveAllowAny;
    /** Z85 public keys accepted besides the directory's: the application's own clients (a health probe). */
    private final Set<String> trustedCurveKeys = ConcurrentHashMap.newKeySet();

    private volatile boolean record;
    private final BlockingQueue<Decision> decisions = new LinkedBlockingQueue<>();
    private volatile RuntimeException failure;
    private boolean closed;

    /**
     * Starts the handler on {@code context}.
     *
     * @throws ZmqException EADDRINUSE if the context already has a ZAP handler
     */
    public ZAuth(ZContext context) {
        String controlEndpoint = "inproc://stui-zauth-control-" + INSTANCES.incrementAndGet();
        ZSocket handler = context.createSocket(SocketType.REP);
        ZSocket pipe = context.createSocket(SocketType.PAIR);
        try {
            handler.bind(ZAP_ENDPOINT);
            pipe.bind(controlEndpoint);
        } catch (RuntimeException e) {
            handler.close();
            pipe.close();
            throw e;
        }
        this.control = context.createSocket(SocketType.PAIR);
        control.connect(controlEndpoint);
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("zauth-" + context.backend().name().toLowerCase(java.util.Locale.ROOT))
                .start(() -> serve(context, handler, pipe));
    }

    /** Lets only these addresses in (once any is listed): IPv4 or IPv6 text, as ZeroMQ reports them. */
    public ZAuth allow(String... addresses) {
        allowed.addAll(List.of(addresses));
        return this;
    }

    /** Refuses these addresses. */
    public ZAuth deny(String... addresses) {
        denied.addAll(List.of(addresses));
        return this;
    }

    /**
     * PLAIN: checks usernames and passwords against {@code passwords}, a file of {@code user=password}
     * lines ({@code #} comments allowed), read again at each request so edits apply. {@code domain} is
     * accepted for JeroMQ's signature; every domain uses the file.
     */
    public ZAuth configurePlain(String domain, Path passwords) {
        this.passwordsFile = passwords;
        return this;
    }

    /** CURVE: accepts the client keys whose certificates are in {@code directory} ({@link ZCertStore}). */
    public ZAuth configureCurve(Path directory) {
        this.curveStore = new ZCertStore(directory);
        this.curveAllowAny = false;
        return this;
    }

    /**
     * CURVE: also accepts {@code publicKey}, whatever the directory holds: for a client of the application itself
     * (a health probe talking to its own server), whose key no operator should have to install.
     */
    public ZAuth trustCurveKey(byte[] publicKey) {
        trustedCurveKeys.add(Curve.z85Encode(publicKey));
        return this;
    }

    /** CURVE as JeroMQ takes it: a directory, or {@link #CURVE_ALLOW_ANY}. */
    public ZAuth configureCurve(String location) {
        return CURVE_ALLOW_ANY.equals(location) ? configureCurveAllowAny() : configureCurve(Path.of(location));
    }

    /** CURVE: accepts every client key (the connection is encrypted, the client not authenticated). */
    public ZAuth configureCurveAllowAny() {
        this.curveAllowAny = true;
        this.curveStore = null;
        return this;
    }

    /** Whether decisions are kept for {@link #nextDecision(Duration)} (off by default: nobody may take them). */
    public ZAuth recordDecisions(boolean on) {
        this.record = on;
        return this;
    }

    /** The next decision recorded, waiting up to {@code timeout}; null if none came. */
    public Decision nextDecision(Duration timeout) throws InterruptedException {
        RuntimeException f = failure;
        if (f != null) {
            throw new IllegalStateException("the ZAP handler stopped: " + f.getMessage(), f);
        }
        return decisions.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the handler and closes its sockets. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            control.send("TERMINATE");
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ZmqException e) {
            // the context is closing: its sockets, the handler's too, are closed with it
        } finally {
            control.close();
        }
    }

    private void serve(ZContext context, ZSocket handler, ZSocket pipe) {
        try (handler;
                pipe;
                ZPoller poller = new ZPoller(context)) {
            poller.register(handler, ZPoller.POLLIN);
            poller.register(pipe, ZPoller.POLLIN);
            while (true) {
                poller.poll(-1);
                if (poller.isReadable(pipe)) {
                    return; // TERMINATE
                }
                if (poller.isReadable(handler)) {
                    ZMsg request = ZMsg.recvMsg(handler, ZSocket.DONTWAIT);
                    if (request != null) {
                        answer(request).send(handler);
                    }
                }
            }
        } catch (ZmqException e) {
            if (!e.isContextTerminated() && e.code() != ZmqError.ENOTSOCK) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The reply to one ZAP request (version, request id, domain, address, identity, mechanism, credentials...). */
    private ZMsg answer(ZMsg request) {
        String version = request.popString();
        String requestId = request.popString();
        if (!"1.0".equals(version) || requestId == null || request.size() < 4) {
            return reply(requestId == null ? "" : requestId, "500", "malformed ZAP request", "");
        }
        String domain = request.popString();
        String address = request.popString();
        request.pop(); // routing id of the peer
        String mechanism = request.popString();
        String userId = "";
        String refusal = addressRefusal(address);
        if (refusal == null) {
            switch (mechanism) {
                case "NULL" -> {}
                case "PLAIN" -> {
                    String user = request.popString();
                    String password = request.popString();
                    refusal = plainRefusal(user, password);
                    userId = user == null ? "" : user;
                }
                case "CURVE" -> {
                    ZFrame key = request.pop();
                    byte[] publicKey = key == null ? null : key.getData();
                    refusal = curveRefusal(publicKey);
                    if (publicKey != null && publicKey.length == Curve.KEY_LENGTH) {
                        userId = Curve.z85Encode(publicKey);
                    }
                }
                default -> refusal = "mechanism " + mechanism + " is not supported";
            }
        }
        boolean ok = refusal == null;
        String status = ok ? "OK" : refusal;
        if (record) {
            decisions.add(new Decision(ok, mechanism, address, domain, ok ? userId : "", status));
        }
        return reply(requestId, ok ? "200" : "400", status, ok ? userId : "");
    }

    private String addressRefusal(String address) {
        if (!allowed.isEmpty()) {
            return allowed.contains(address) ? null : "address " + address + " is not in the allow list";
        }
        return denied.contains(address) ? "address " + address + " is denied" : null;
    }

    private String plainRefusal(String user, String password) {
        Path file = passwordsFile;
        if (file == null) {
            return "PLAIN is not configured";
        }
        if (user == null || password == null) {
            return "PLAIN credentials are missing";
        }
        Map<String, String> passwords = readPasswords(file);
        String expected = passwords.get(user);
        if (expected == null
                || !java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return "invalid username or password";
        }
        return null;
    }

    private static Map<String, String> readPasswords(Path file) {
        Map<String, String> out = new HashMap<>();
        try {
            if (Files.size(file) > ZCert.MAX_FILE_BYTES * 16L) {
                return out; // a password file of over a MiB is not one: refuse everybody
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (!l.isEmpty() && !l.startsWith("#") && eq > 0) {
                    out.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            // unreadable: nobody gets in
        }
        return out;
    }

    private String curveRefusal(byte[] publicKey) {
        if (curveAllowAny || trustedCurveKeys.contains(Curve.z85Encode(publicKey))) {
            return null;
        }
        ZCertStore store = curveStore;
        if (store == null) {
            return "CURVE is not configured";
        }
        return store.containsPublicKey(publicKey) ? null : "the client's public key is not allowed";
    }

    private static ZMsg reply(String requestId, String status, String text, String userId) {
        return ZMsg.newStringMsg("1.0", requestId, status, text, userId, "");
    }
}
