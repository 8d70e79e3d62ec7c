package io.stui.bench.load;

import io.stui.protocol.Encoding;
import io.stui.zmq.ZContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link LoadSpec} against a STUI endpoint: one thread and socket per client, warm-up, then
 * the measured phase, and summarises it as a {@link LoadResult}. One generator runs once.
 */
public final class LoadGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

    private final LoadSpec spec;
    private final ZContext context;
    private final Encoding encoding;
    private final LatencyRecorder recorder = new LatencyRecorder();
    private volatile RunClock clock;
    private volatile String firstError;

    /**
     * @param context  the context client sockets are created in (its backend is the client's)
     * @param encoding the protocol encoding requests use
     */
    public LoadGenerator(LoadSpec spec, ZContext context, Encoding encoding) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
    }

    /** The live recorder (answered requests and errors in the measured phase so far), for progress displays. */
    public LatencyRecorder recorder() {
        return recorder;
    }

    /** True while the run is still warming up. */
    public boolean warmingUp() {
        RunClock c = clock;
        return c == null || System.nanoTime() < c.measureStart;
    }

    /** Seconds since the measured phase began (0 during warm-up). */
    public double measuredSecondsSoFar() {
        RunClock c = clock;
        return c == null ? 0 : Math.max(0, System.nanoTime() - c.measureStart) / 1e9;
    }

    /** Ends the run early; clients finish their requests in flight. */
    public void stop() {
        RunClock c = clock;
        if (c != null) {
            c.stop();
        }
    }

    /**
     * Runs the load and waits for it to finish.
     *
     * @throws LoadException when no client could start (server unreachable, sessions refused)
     */
    public LoadResult run() throws LoadException, InterruptedException {
        String runId = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        RequestFactory requests = new RequestFactory(encoding, spec.code());
        RunClock c = new RunClock(System.nanoTime() + 5_000_000, spec); // clients get 5 ms to start
        clock = c;
        List<ClientLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < spec.clients(); i++) {
            ClientLoop loop = spec.socket() == LoadSpec.SocketKind.REQ
                    ? new ReqClientLoop(spec, c, recorder, requests, context, i, runId)
                    : new DealerClientLoop(spec, c, recorder, requests, context, i, runId);
            loops.add(loop);
            threads.add(Thread.ofPlatform().name("load-client-" + i).start(loop));
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            c.stop();
            for (Thread t : threads) {
                t.join(spec.timeout().toMillis() + 1000);
            }
            throw e;
        }
        long failed = loops.stream().filter(l -> l.failure != null).count();
        if (failed == loops.size()) {
            Throwable first = loops.getFirst().failure;
            throw new LoadException(
                    "no client could run against " + spec.endpoint() + ": " + first.getMessage(), first);
        }
        for (ClientLoop l : loops) {
            if (l.failure != null) {
                recorder.recordError(); // a client that died mid-run is an error, never silence
            }
        }
        LoadResult result = LoadResult.of(spec, c.measuredSeconds(System.nanoTime()), recorder);
        firstError = loops.stream()
                .map(ClientLoop::firstErrorSeen)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (firstError != null) {
            LOG.warn("first error seen: {}", firstError);
        }
        LOG.debug(String.format(
                Locale.ROOT, "%d requests in %.1f s, %d errors", result.requests(), result.seconds(), result.errors()));
        return result;
    }

    /** The first error any client saw in the last run, for reports. */
    public java.util.Optional<String> firstError() {
        return java.util.Optional.ofNullable(firstError);
    }
}
