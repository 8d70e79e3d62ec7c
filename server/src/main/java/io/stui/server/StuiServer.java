package io.stui.server;

import io.stui.protocol.ProtocolCodec;
import io.stui.server.command.CodeCommands;
import io.stui.server.command.ContextCommands;
import io.stui.server.command.DebugCommands;
import io.stui.server.command.IdeCommands;
import io.stui.server.command.InfoCommands;
import io.stui.server.command.SessionCommands;
import io.stui.server.command.SmalltalkCommands;
import io.stui.server.config.FrontMode;
import io.stui.server.config.SecuritySettings;
import io.stui.server.config.ServerConfig;
import io.stui.server.dispatch.AnswerRules;
import io.stui.server.dispatch.CommandTable;
import io.stui.server.dispatch.DispatchPolicy;
import io.stui.server.dispatch.RequestDispatcher;
import io.stui.server.dispatch.RetryCache;
import io.stui.server.events.EventPublisher;
import io.stui.server.events.EventSource;
import io.stui.server.events.SubscriptionGate;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.exec.MemoryReserve;
import io.stui.server.front.FastFront;
import io.stui.server.front.Front;
import io.stui.server.front.PlainFront;
import io.stui.server.health.HealthProbe;
import io.stui.server.identity.IdentityResolver;
import io.stui.server.identity.OwnershipGuard;
import io.stui.server.identity.TokenFile;
import io.stui.server.metrics.ServerMetrics;
import io.stui.server.session.ClientIdentity;
import io.stui.server.session.LiveSession;
import io.stui.server.session.SessionManager;
import io.stui.server.store.SessionStore;
import io.stui.server.workspace.AutoSaver;
import io.stui.server.workspace.DefaultImage;
import io.stui.server.workspace.OldGenerationCeiling;
import io.stui.server.workspace.SaveWarnings;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.server.workspace.Workspaces;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvaluationThreads;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.zmq.Curve;
import io.stui.zmq.ZAuth;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZmqException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STUI server, and the one place that wires it: a front (ROUTER socket) over the dispatcher and its command
 * table, a pool of workers, live sessions kept in a SQLite store, the embedded Smalltalk behind the commands,
 * Prometheus metrics. Nothing below this class knows it.
 *
 * <pre>{@code
 * try (StuiServer server = StuiServer.start(config)) {
 *     server.awaitStop();          // until close() from another thread or a shutdown hook
 * }
 * }</pre>
 *
 * <p>{@link #close()} is graceful: stop reading requests, let the workers finish what was accepted
 * and send those answers, save every changed workspace durably, then close the store, the sockets
 * and the ZeroMQ context.
 */
public final class StuiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StuiServer.class);

    /** Version reported by ping and system_info. */
    public static final String VERSION = "0.1.0";
    /** How long work run in place may keep the front's thread before another thread takes the sockets over. */
    private static final Duration RELIEF_AFTER = Duration.ofMillis(1);

    private final ServerConfig config;
    private final SessionStore store;
    private final KeyedSerialExecutor executor;
    private final SessionManager sessions;
    private final ServerMetrics metrics;
    private final Workspaces workspaces;
    private final AutoSaver autoSaver;
    private final SmalltalkCommands smalltalk;
    private final Optional<OldGenerationCeiling> oldGenCeiling;
    private final ZContext context;
    /** The ZAP handler when clients authenticate at the handshake (allowed CURVE keys or PLAIN), else null. */
    private final ZAuth zapHandler;

    private final Front front;
    private final ScheduledExecutorService sweeper;
    /** Heap held back for answers and the shutdown's saves when the shared heap runs out (issue #16). */
    private final MemoryReserve reserve = new MemoryReserve(512 << 10);

    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);
    private final String endpoint;
    private final int metricsPort;
    /** The events socket, null when events are off ({@code events-endpoint none}). */
    private EventPublisher publisher;
    /** Its bound endpoint, null when events are off. */
    private String eventsEndpoint;
    /** What start-up has opened so far, closed in reverse if start-up fails. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    private StuiServer(ServerConfig config) {
        this.config = config;
        long startedAt = System.currentTimeMillis();
        boolean ok = false;
        try {
            this.store = opened(SessionStore.open(config.image().storePath()));
            // workers are the engine's evaluation threads: Smalltalk runs on them directly, with no further hand-off
            this.executor = opened(new KeyedSerialExecutor(
                    config.front().workers(),
                    config.front().sessionQueueCapacity(),
                    10_000,
                    EvaluationThreads.factory("stui-worker")));
            this.sessions = new SessionManager(
                    store,
                    Clock.systemUTC(),
                    config.sessions(),
                    config.security().maxSessions(),
                    executor);
            // without a metrics port the Prometheus client is never loaded (plain counts only)
            this.metrics = opened(
                    new ServerMetrics(sessions::sessionCount, config.metrics().port() != 0));
            if (config.metrics().port() != 0) {
                metrics.exportJvm();
            }
            SmalltalkEngine engine = SmalltalkEngine.boot();
            log.info(
                    "event=engine_ready version=\"{}\" kernel_classes={}", engine.version(), engine.kernelClassCount());
            DefaultImage image = DefaultImage.open(
                    engine, store, Clock.systemUTC(), config.image().autosaveDelay(), metrics::imageSaveFailed);
            image.limitMemory(config.limits().sessionMemoryLimit());
            this.workspaces = new Workspaces(
                    engine,
                    store,
                    Clock.systemUTC(),
                    image.base(),
                    config.limits().sessionMemoryLimit());
            SaveWarnings saveWarnings = new SaveWarnings();
            this.autoSaver = opened(new AutoSaver(
                    config.image().autosaveDelay(),
                    executor,
                    store,
                    workspaces::autoSnapshot,
                    metrics::autosaved,
                    (sessionId, error) -> {
                        saveWarnings.add(sessionId, SaveWarnings.autosaveFailed(error));
                        metrics.autosaveFailed();
                    }));
            EvalLimits limits = SmalltalkCommands.limits(config);
            this.smalltalk =
                    opened(new SmalltalkCommands(engine, sessions, workspaces, autoSaver, metrics, limits, image));
            // session requests promote history entries into the old generation; keep it collected
            this.oldGenCeiling = OldGenerationCeiling.install(
                    config.image().oldGenFloorMiB() << 20, config.image().oldGenFactor());
            oldGenCeiling.ifPresent(this::opened);
            this.context = opened(new ZContext());
            // requests are small: copying them out of libzmq's receive buffer leaves its reference counts
            // untouched, 4 KiB less resident memory per connected client (docs/perf/2026-12-05-connections-memory.md);
            // a libzmq that does not know the option costs those 4 KiB, not the start
            try {
                context.setZeroCopyReceive(false);
            } catch (ZmqException e) {
                log.info("event=zero_copy_receive_kept reason=\"{}\"", e.getMessage());
            }
            this.zapHandler = zapHandler(config, context);
            if (zapHandler != null) {
                opened(zapHandler);
            }
            TokenFile tokens = config.security().tokenFile() == null
                    ? null
                    : TokenFile.read(config.security().tokenFile());
            // a server that knows its clients lets each subscribe only to its own sessions' events
            SubscriptionGate gate = zapHandler != null || tokens != null
                    ? new SubscriptionGate(sessions, tokens == null ? null : tokens::identityOf)
                    : null;
            EventSource events = events(config, context, metrics, gate);
            smalltalk.publishTo(events);
            image.use(ws -> {
                events.listen(null, ws);
                return null;
            });
            InfoCommands info = new InfoCommands(
                    new InfoCommands.ServerFacts(
                            VERSION,
                            startedAt,
                            context.backend().name().toLowerCase(Locale.ROOT),
                            context.libzmqVersion(),
                            engine.version(),
                            store.imageId(),
                            config),
                    sessions::sessionCount,
                    accepting::get,
                    smalltalk::packages,
                    image::savedAt,
                    image::hasUnsavedChanges,
                    image::saveFailuresInARow);
            IdeCommands ide = new IdeCommands(smalltalk, config, VERSION);
            ide.eventsEndpoint(eventsEndpoint);
            CommandTable table = new CommandTable(
                    info,
                    new SessionCommands(
                            sessions, smalltalk::facts, config.sessions().cleanupInterval()),
                    smalltalk,
                    new ContextCommands(smalltalk, workspaces, store, sessions),
                    ide,
                    new DebugCommands(
                            smalltalk,
                            SmalltalkCommands.limits(config),
                            config.limits().debugSuspensionTimeout()),
                    new CodeCommands(smalltalk, image, limits));
            IdentityResolver identities =
                    new IdentityResolver(tokens, zapHandler == null ? null : config.curveEnabled() ? "curve" : "plain");
            identities.logMode(!config.sessions().allowClients().isEmpty()
                    || !config.sessions().denyClients().isEmpty());
            AnswerRules answerRules = new AnswerRules(
                    config.front().maxAnswerBytes(),
                    RetryCache.of(config.front().retryWindow()),
                    new ClientIdentity(sessions),
                    saveWarnings::take);
            RequestDispatcher dispatcher = new RequestDispatcher(
                    ProtocolCodec.INSTANCE,
                    table,
                    executor,
                    sessions::laneOf,
                    metrics,
                    new DispatchPolicy(
                            reserve,
                            identities,
                            new OwnershipGuard(sessions, SessionManager::notFoundMessage),
                            answerRules));
            dispatcher.publishTo(events);
            this.front = front(config, context, dispatcher, zapHandler);
            try {
                this.endpoint = front.start();
            } catch (IllegalStateException e) {
                throw EventPublisher.explainTakenPort(e, config.front().endpoint());
            }
            metrics.frontHandovers(front::handovers);
            // the probe only for a metrics port, and its key pair only under CURVE: X25519's first use loads the
            // JDK's key agreement and costs ~60 ms of CPU
            this.metricsPort = config.metrics().port() == 0
                    ? 0
                    : metrics.serve(
                            config.metrics().host(),
                            config.metrics().port(),
                            new HealthProbe(
                                    context,
                                    endpoint,
                                    config.security().curveSecretKey(),
                                    config.security().curveSecretKey() == null ? null : probeKeys(),
                                    store,
                                    accepting::get,
                                    () -> image.saveFailuresInARow() == 0
                                            ? Optional.empty()
                                            : Optional.of("image: the default image could not be saved ("
                                                    + image.saveFailuresInARow()
                                                    + " failed saves in a row, retried with backoff; see the log)")));
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stui-sweeper");
                t.setDaemon(true);
                return t;
            });
            long period = config.sessions().cleanupInterval().toMillis();
            sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
            ok = true;
        } finally {
            if (!ok) {
                closeOpened();
            }
        }
        log.info(
                "event=server_started endpoint={} events_endpoint={} backend={} front_mode={} workers={} store={}"
                        + " metrics_port={} version={}",
                endpoint,
                eventsEndpoint,
                context.backend().name().toLowerCase(Locale.ROOT),
                config.front().mode().wireName(),
                config.front().workers(),
                store.path(),
                metricsPort,
                VERSION);
    }

    /**
     * The context's ZAP handler when the handshake authenticates: CURVE keys not in the allowed directory, and PLAIN
     * users not in the password file, are refused before any request is read. Null when neither is configured.
     */
    private static ZAuth zapHandler(ServerConfig config, ZContext context) {
        SecuritySettings security = config.security();
        boolean curveKeys = config.curveEnabled() && security.curveClientKeys() != null;
        boolean plain = !config.curveEnabled() && security.plainPasswords() != null;
        if (!curveKeys && !plain) {
            return null;
        }
        ZAuth auth = new ZAuth(context);
        if (curveKeys) {
            auth.configureCurve(security.curveClientKeys());
            log.info("event=zap_started mechanism=curve client_keys={}", security.curveClientKeys());
        } else {
            auth.configurePlain("*", security.plainPasswords());
            log.info("event=zap_started mechanism=plain");
        }
        return auth;
    }

    /** The health probe's CURVE key pair, trusted by the ZAP handler so the probe is not refused as a stranger. */
    private Curve.KeyPair probeKeys() {
        Curve.KeyPair keys = Curve.generateKeyPair();
        if (zapHandler != null) {
            zapHandler.trustCurveKey(keys.publicKey());
        }
        return keys;
    }

    /**
     * The events socket ({@code events-endpoint}; {@code none}: no events), opened before the front so that every
     * answered request can raise its events; closed after the front has sent its last answers, before the context.
     */
    private EventSource events(ServerConfig config, ZContext context, ServerMetrics metrics, SubscriptionGate gate) {
        String configured = config.events().endpoint();
        if ("none".equals(configured)) {
            return EventSource.NONE;
        }
        boolean plain = !config.curveEnabled() && config.security().plainPasswords() != null;
        java.util.function.Function<String, EventPublisher> start = where -> EventPublisher.start(
                context, where, config.events().hwm(), config.security().curveSecretKey(), plain, gate);
        EventPublisher publisher;
        if (configured != null) {
            publisher = start.apply(configured);
        } else {
            String next = EventPublisher.defaultEndpoint(config.front().endpoint());
            try {
                publisher = start.apply(next);
            } catch (ZmqException e) {
                // the next port is only a convention (any local socket may hold it): a free port, named by describe
                log.warn("event=events_default_port_taken endpoint={} error=\"{}\"", next, e.getMessage());
                publisher = start.apply("tcp://127.0.0.1:*");
            }
        }
        this.publisher = opened(publisher);
        this.eventsEndpoint = publisher.endpoint();
        metrics.eventsDropped(publisher::dropped);
        return new EventSource(publisher);
    }

    /** The front of the configured mode; both kinds of front thread run work, so both are evaluation threads. */
    private static Front front(ServerConfig config, ZContext context, RequestDispatcher dispatcher, ZAuth zapHandler) {
        Front.Settings settings = new Front.Settings(
                config.front().endpoint(),
                config.front().maxMessageSize(),
                config.security().curveSecretKey(),
                RELIEF_AFTER,
                config.front().workers(),
                !config.curveEnabled() && config.security().plainPasswords() != null,
                zapHandler != null);
        return config.front().mode() == FrontMode.PLAIN
                ? new PlainFront(context, settings, dispatcher, EvaluationThreads.factory("stui-front"))
                : new FastFront(context, settings, dispatcher, EvaluationThreads.factory("stui-front"));
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.push(resource);
        return resource;
    }

    private void closeOpened() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                log.warn("event=start_cleanup_failed error=\"{}\"", e.toString());
            }
        }
    }

    /** Starts a server with the embedded Smalltalk engine; returns once it accepts requests. */
    public static StuiServer start(ServerConfig config) {
        return new StuiServer(config);
    }

    private void sweep() {
        try {
            // idle sessions keep their workspace but not its evaluation thread
            SessionManager.Swept swept =
                    sessions.sweep(config.sessions().cleanupInterval().toMillis());
            if (swept.expired() > 0 || swept.parked() > 0) {
                log.info("event=sweep sessions_expired={} workspaces_parked={}", swept.expired(), swept.parked());
            }
        } catch (RuntimeException e) {
            log.warn("event=sweep_failed error=\"{}\"", e.toString());
        }
    }

    /** One step of the shutdown: a failure (even of memory) is logged and the next steps still run. */
    private static void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("event=shutdown_step_failed step={} error=\"{}\"", what, e.toString());
        }
    }

    /** Durably saves every changed workspace of a live session (at shutdown, with the workers stopped). */
    private void saveAll() {
        autoSaver.close();
        int saved = 0;
        int failed = 0;
        for (LiveSession s : sessions.live()) {
            SessionWorkspace sw = s.workspaceIfLive();
            try {
                if (sw != null && workspaces.saveIfDirty(s.id(), sw)) {
                    saved++;
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                // one workspace too big to snapshot in what the heap has left must not cost the others theirs
                failed++;
                reserve.release();
                log.error("event=save_at_shutdown_failed session_id={} error=\"{}\"", s.id(), e.toString());
            }
        }
        log.info("event=workspaces_saved count={} failed={}", saved, failed);
    }

    /** The endpoint the server listens on (wildcard port resolved). */
    public String endpoint() {
        return endpoint;
    }

    /** The events endpoint (port resolved), or null when events are off. */
    public String eventsEndpoint() {
        return eventsEndpoint;
    }

    /** Events at least one subscriber missed (0 when events are off). */
    public long eventsDropped() {
        return publisher == null ? 0 : publisher.dropped();
    }

    /** The metrics HTTP port, or 0 when metrics are off. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The configuration in force. */
    public ServerConfig config() {
        return config;
    }

    /** The metrics (for tests and embedding). */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stoppedLatch.await();
    }

    /** Graceful stop; idempotent and safe from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            try {
                stoppedLatch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        log.info("event=server_stopping endpoint={}", endpoint);
        accepting.set(false);
        front.stopAccepting();
        Duration grace = config.limits().evalTimeout().plusSeconds(5);
        long graceEnds = System.nanoTime() + grace.toNanos();
        if (!executor.shutdown(grace)) {
            log.warn("event=workers_still_busy_at_shutdown");
        }
        // the heap may be short (a session hoarding it): the saves and the log lines below get the reserve's room
        reserve.release();
        try {
            saveAll();
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("event=save_at_shutdown_failed error=\"{}\"", e.toString(), e);
        }
        // work run in place without a session holds no lane, so the workers' shutdown did not wait for it: the
        // front does, forwarding answers until none is owed or the grace is over (at least 2 s for the last sends)
        step(
                "front",
                () -> front.close(
                        Duration.ofNanos(Math.max(Duration.ofSeconds(2).toNanos(), graceEnds - System.nanoTime()))));
        sweeper.shutdownNow();
        step("session_flush", sessions::close);
        step("workspace_release", () -> {
            for (LiveSession s : sessions.live()) {
                SessionWorkspace sw = s.workspaceIfLive();
                if (sw != null) {
                    sw.release();
                }
            }
        });
        oldGenCeiling.ifPresent(c -> step("old_gen_ceiling", c::close));
        // saves the default image
        step("engine", smalltalk::close);
        step("store", store::close);
        step("metrics", metrics::close);
        if (zapHandler != null) {
            step("zap_handler", zapHandler::close);
        }
        if (publisher != null) {
            step("events", publisher::close);
        }
        step("zmq_context", context::close);
        log.info("event=server_stopped endpoint={}", endpoint);
        stoppedLatch.countDown();
    }
}
