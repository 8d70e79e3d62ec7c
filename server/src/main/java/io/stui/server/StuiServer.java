package io.stui.server;

import io.stui.protocol.ProtocolCodec;
import io.stui.server.command.CommandHandler;
import io.stui.server.command.InfoCommands;
import io.stui.server.command.SessionCommands;
import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.front.FrontEnd;
import io.stui.server.front.RequestDispatcher;
import io.stui.server.metrics.ServerMetrics;
import io.stui.server.session.ClientPolicy;
import io.stui.server.session.SessionManager;
import io.stui.server.store.SessionStore;
import io.stui.server.workspace.EngineService;
import io.stui.server.workspace.SmalltalkService;
import io.stui.smalltalk.EvaluationThreads;
import io.stui.zmq.ZContext;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STUI server: a ROUTER front end over a pool of workers, sessions kept in a SQLite store, the
 * embedded Smalltalk behind the commands, Prometheus metrics.
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
    private final ZContext context;
    private final SessionStore store;
    private final SessionManager sessions;
    private final SmalltalkService smalltalk;
    private final KeyedSerialExecutor executor;
    private final ServerMetrics metrics;
    private final FrontEnd front;
    private final ScheduledExecutorService sweeper;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);
    private final String endpoint;
    private final int metricsPort;

    private StuiServer(ServerConfig config, Function<ServiceParts, SmalltalkService> smalltalkFactory) {
        this.config = config;
        long startedAt = System.currentTimeMillis();
        this.store = SessionStore.open(config.storePath());
        boolean ok = false;
        ZContext ctx = null;
        SmalltalkService st = null;
        KeyedSerialExecutor ex = null;
        ServerMetrics m = null;
        ScheduledExecutorService sw = null;
        try {
            this.sessions = new SessionManager(
                    store,
                    Clock.systemUTC(),
                    config.maxSessionsPerClient(),
                    config.sessionTimeout(),
                    new ClientPolicy(config.allowClients(), config.denyClients()));
            m = new ServerMetrics(sessions::sessionCount);
            // workers are the engine's evaluation threads: Smalltalk runs on them directly, with no further hand-off
            ex = new KeyedSerialExecutor(
                    config.workers(), config.sessionQueueCapacity(), 10_000, EvaluationThreads.factory("stui-worker"));
            st = smalltalkFactory.apply(new ServiceParts(config, store, sessions, m, ex));
            SmalltalkService stFinal = st;
            sessions.addListener((id, reason) -> stFinal.sessionEnded(id));
            ctx = new ZContext();
            InfoCommands info = new InfoCommands(
                    new InfoCommands.ServerFacts(
                            VERSION,
                            startedAt,
                            ctx.backend().name().toLowerCase(java.util.Locale.ROOT),
                            ctx.libzmqVersion(),
                            st.version(),
                            config),
                    sessions::sessionCount,
                    accepting::get,
                    stFinal::packages);
            CommandHandler handler = new CommandHandler(
                    info, new SessionCommands(sessions, st::facts, config.cleanupInterval()), st.handler());
            RequestDispatcher dispatcher = new RequestDispatcher(
                    ProtocolCodec.INSTANCE, handler, CommandHandler::isInline, CommandHandler::mayRunInPlace, ex, m);
            // the front's threads evaluate in place too, so they are evaluation threads like the workers
            this.front = new FrontEnd(
                    ctx,
                    new FrontEnd.Settings(
                            config.endpoint(),
                            config.maxMessageSize(),
                            config.curveSecretKey(),
                            RELIEF_AFTER,
                            config.workers()),
                    dispatcher,
                    EvaluationThreads.factory("stui-front"));
            this.endpoint = front.start();
            m.frontHandovers(front::handovers);
            this.metricsPort = m.serve(config.metricsHost(), config.metricsPort());
            sw = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stui-sweeper");
                t.setDaemon(true);
                return t;
            });
            long period = config.cleanupInterval().toMillis();
            sw.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
            ok = true;
        } finally {
            if (!ok) {
                if (sw != null) {
                    sw.shutdownNow();
                }
                if (ex != null) {
                    ex.close();
                }
                if (st != null) {
                    st.close();
                }
                if (m != null) {
                    m.close();
                }
                if (ctx != null) {
                    ctx.close();
                }
                store.close();
            }
        }
        this.context = ctx;
        this.smalltalk = st;
        this.executor = ex;
        this.metrics = m;
        this.sweeper = sw;
        log.info(
                "event=server_started endpoint={} backend={} workers={} store={} metrics_port={} version={}",
                endpoint,
                context.backend().name().toLowerCase(java.util.Locale.ROOT),
                config.workers(),
                store.path(),
                metricsPort,
                VERSION);
    }

    /**
     * What the Smalltalk service is built from.
     *
     * @param lanes the worker pool; work submitted under a session id runs in that session's order
     */
    public record ServiceParts(
            ServerConfig config,
            SessionStore store,
            SessionManager sessions,
            ServerMetrics metrics,
            KeyedSerialExecutor lanes) {}

    /** Starts a server with the embedded Smalltalk engine; returns once it accepts requests. */
    public static StuiServer start(ServerConfig config) {
        return new StuiServer(config, EngineService::new);
    }

    /** Starts a server with the given Smalltalk service; returns once it accepts requests. */
    public static StuiServer start(ServerConfig config, Function<ServiceParts, SmalltalkService> smalltalkFactory) {
        return new StuiServer(config, smalltalkFactory);
    }

    private void sweep() {
        try {
            int expired = sessions.sweep();
            // idle sessions keep their workspace but not its evaluation thread
            int parked = smalltalk.parkIdle(config.cleanupInterval().toMillis());
            if (expired > 0 || parked > 0) {
                log.info("event=sweep sessions_expired={} workspaces_parked={}", expired, parked);
            }
        } catch (RuntimeException e) {
            log.warn("event=sweep_failed error=\"{}\"", e.toString());
        }
    }

    /** The endpoint the server listens on (wildcard port resolved). */
    public String endpoint() {
        return endpoint;
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
        Duration grace = config.evalTimeout().plusSeconds(5);
        if (!executor.shutdown(grace)) {
            log.warn("event=workers_still_busy_at_shutdown");
        }
        try {
            smalltalk.saveAll();
        } catch (RuntimeException e) {
            log.error("event=save_at_shutdown_failed error=\"{}\"", e.toString(), e);
        }
        front.close(Duration.ofSeconds(2));
        sweeper.shutdownNow();
        try {
            sessions.close();
        } catch (RuntimeException e) {
            log.warn("event=session_flush_failed error=\"{}\"", e.toString());
        }
        smalltalk.close();
        store.close();
        metrics.close();
        context.close();
        log.info("event=server_stopped endpoint={}", endpoint);
        stoppedLatch.countDown();
    }
}
