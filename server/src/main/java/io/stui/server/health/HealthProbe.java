package io.stui.server.health;

import io.stui.server.store.SessionStore;
import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers {@code /healthz} and {@code /readyz} with real round trips: a {@code ping} sent to the server's own
 * ROUTER socket over the network (answered only when the front's loop turns) and a query the store must answer.
 * Ready means healthy and accepting requests (not shutting down).
 */
public final class HealthProbe {
    private static final int TIMEOUT_MS = 2000;
    private static final byte[] PING =
            "{\"id\":\"healthz\",\"command\":\"ping\",\"message\":\"healthz\"}".getBytes(StandardCharsets.UTF_8);

    /** What a probe found: whether it passed and a line saying what was checked. */
    public record Result(boolean ok, String text) {}

    private final ZContext context;
    private final String endpoint;
    private final String curveSecretKeyZ85;
    /** The probe's own CURVE key pair, which the server's ZAP handler trusts (made once, not per probe). */
    private final Curve.KeyPair probeKeys;

    private final SessionStore store;
    private final BooleanSupplier accepting;
    /** Why the server should not take traffic although it answers (the default image cannot be saved), or empty. */
    private final Supplier<Optional<String>> notReady;

    public HealthProbe(
            ZContext context,
            String endpoint,
            String curveSecretKeyZ85,
            SessionStore store,
            BooleanSupplier accepting) {
        this(context, endpoint, curveSecretKeyZ85, Curve.generateKeyPair(), store, accepting, Optional::empty);
    }

    /**
     * @param probeKeys the key pair the probe connects with under CURVE: on a server that allows only listed client
     *                  keys, one its ZAP handler trusts ({@code ZAuth.trustCurveKey})
     * @param notReady  why the server is not ready although healthy, or empty
     */
    public HealthProbe(
            ZContext context,
            String endpoint,
            String curveSecretKeyZ85,
            Curve.KeyPair probeKeys,
            SessionStore store,
            BooleanSupplier accepting,
            Supplier<Optional<String>> notReady) {
        this.context = context;
        this.endpoint = connectable(endpoint);
        this.curveSecretKeyZ85 = curveSecretKeyZ85;
        this.probeKeys = probeKeys;
        this.notReady = notReady;
        this.store = store;
        this.accepting = accepting;
    }

    /** The ROUTER loop answers a ping and the store answers a query. */
    public Result health() {
        Optional<String> front = frontFailure();
        if (front.isPresent()) {
            return new Result(false, "front: " + front.get());
        }
        Optional<String> db = store.probe();
        if (db.isPresent()) {
            return new Result(false, "store: " + db.get());
        }
        return new Result(true, "ok: the front answered a ping and the store a query");
    }

    /** Healthy, taking requests, and able to keep what they change. */
    public Result readiness() {
        if (!accepting.getAsBoolean()) {
            return new Result(false, "stopping: no new requests are taken");
        }
        Optional<String> why = notReady.get();
        if (why.isPresent()) {
            return new Result(false, why.get());
        }
        Result h = health();
        return h.ok() ? new Result(true, "ready") : h;
    }

    /** The bound endpoint as a client on this host reaches it: a wildcard address becomes loopback. */
    static String connectable(String endpoint) {
        return endpoint.replace("://*:", "://127.0.0.1:")
                .replace("://0.0.0.0:", "://127.0.0.1:")
                .replace("://[::]:", "://[::1]:");
    }

    private Optional<String> frontFailure() {
        try (ZSocket s = context.createSocket(SocketType.REQ)) {
            s.setLinger(0);
            s.setRcvTimeout(TIMEOUT_MS);
            if (curveSecretKeyZ85 != null) {
                byte[] serverPublic = Curve.publicKey(Curve.z85Decode(curveSecretKeyZ85));
                s.setCurveClient(probeKeys, serverPublic);
            }
            s.connect(endpoint);
            s.send(PING);
            Optional<byte[]> answer = s.receive();
            if (answer.isEmpty()) {
                return Optional.of("no answer to a ping within " + TIMEOUT_MS + " ms");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
