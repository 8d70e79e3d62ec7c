package io.stui.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.load.CeilingComparison;
import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.CpuAffinity;
import io.stui.bench.load.IdleConnections;
import io.stui.bench.load.LatencyStats;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadResultJson;
import io.stui.bench.load.LoadSpec;
import io.stui.bench.load.ProcessMemory;
import io.stui.bench.nativec.CPrograms;
import io.stui.bench.nativec.CeilingServer;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench load}: N concurrent clients send a command mix to a STUI server (or to the C
 * ceiling server) and the run prints requests/s, latency percentiles and errors.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Protocol load against a STUI server: N clients, a command mix, open or closed loop.",
            "Latencies are measured from each request's intended send time (coordinated omission corrected)."
        })
public final class LoadCommand implements Callable<Integer> {
    static final class Target {
        @Option(names = "--endpoint", paramLabel = "URL", description = "A running server, e.g. tcp://127.0.0.1:5555.")
        String endpoint;

        @Option(
                names = "--c-ceiling",
                description = "Start the C ROUTER ceiling server (fixed reply) and load it instead.")
        boolean cCeiling;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(
            names = {"-c", "--clients"},
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients = 8;

    @Option(names = "--socket", description = "req or dealer (pipelined) (default: req).")
    LoadSpec.SocketKind socket = LoadSpec.SocketKind.REQ;

    @Option(
            names = "--pipeline",
            description = "Requests in flight per DEALER client (default: 16 for dealer, 1 for req).")
    Integer pipeline;

    @Option(names = "--rate", description = "Open loop: total requests/s over all clients; 0 = closed loop (default).")
    double rate;

    @Option(
            names = {"-d", "--duration"},
            converter = DurationConverter.class,
            description = "Measured time, e.g. 10s (default: ${DEFAULT-VALUE}).")
    Duration duration = Duration.ofSeconds(10);

    @Option(
            names = {"-n", "--requests"},
            description = "Measured request count instead of a duration.")
    long requests;

    @Option(names = "--warmup", converter = DurationConverter.class, description = "Unmeasured warm-up (default: 2s).")
    Duration warmup = Duration.ofSeconds(2);

    @Option(
            names = "--mix",
            description =
                    "Command weights: ping, evaluate, inspect, session, complete, senders (default: ${DEFAULT-VALUE}).")
    String mix = "ping=100";

    @Option(
            names = "--code",
            description = "Smalltalk source of evaluate and inspect requests (default: ${DEFAULT-VALUE}).")
    String code = "3 + 4";

    @Option(
            names = "--timeout",
            converter = DurationConverter.class,
            description = "Per-request timeout (default: 2s).")
    Duration timeout = Duration.ofSeconds(2);

    @Option(names = "--encoding", description = "command or envelope (default: command).")
    Encoding encoding = Encoding.COMMAND;

    @Option(names = "--backend", description = "ZeroMQ backend of the clients: native or jeromq (default: native).")
    Backend backend = Backend.NATIVE;

    @Option(names = "--server-pid", description = "Process id of the server, to report its resident memory.")
    Long serverPid;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    Path json;

    @Option(
            names = "--native-dir",
            paramLabel = "DIR",
            description = "The native/c directory (for --c-ceiling and --versus-ceiling).")
    Path nativeDir;

    @Option(
            names = "--ceiling-busy-ns",
            paramLabel = "NS",
            description = "With --c-ceiling or --versus-ceiling: the "
                    + "ceiling spins this long per request before answering, to see what each microsecond of a server's own work "
                    + "costs (default: 0).")
    long ceilingBusyNanos;

    @Option(
            names = "--versus-ceiling",
            paramLabel = "PAIRS",
            description = "With --endpoint: run the load PAIRS times "
                    + "(1-9) against the C ceiling server and each time right after against the server, and print each pair's "
                    + "share of the ceiling and p99 ratio, and their medians (the ceiling drifts on a shared machine).")
    int versusCeiling;

    @Option(
            names = "--cpus",
            paramLabel = "LIST",
            description = "Pin the servers under test to these CPUs (Linux), "
                    + "e.g. 1 or 0-1: the C ceiling and the server named by --server-pid, every thread, for the whole run (the "
                    + "server's threads get their CPU sets back afterwards). The load generator stays unpinned. Both servers of "
                    + "a comparison then run under the same placement instead of wherever the scheduler puts them.")
    String cpus;

    @Option(
            names = "--idle",
            paramLabel = "N",
            description = "Also hold N idle connections to the server (--endpoint) for the whole run: each pings once "
                    + "when it opens, then stays silent. With --versus-ceiling the ceiling gets none, so comparing a run "
                    + "with and one without says what idle connections cost the active clients (default: 0).")
    int idle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        int window = pipeline != null ? pipeline : socket == LoadSpec.SocketKind.DEALER ? 16 : 1;
        CommandMix commandMix;
        try {
            commandMix = CommandMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd.commandLine(), "--mix: " + e.getMessage());
        }
        if (versusCeiling < 0 || versusCeiling > 9 || (versusCeiling > 0 && target.cCeiling)) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(),
                    "--versus-ceiling: give 1 to 9 pairs, with "
                            + "--endpoint (the server to compare with the ceiling).");
        }
        if (ceilingBusyNanos < 0
                || ceilingBusyNanos > 1_000_000_000L
                || (ceilingBusyNanos > 0 && !target.cCeiling && versusCeiling == 0)) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(),
                    "--ceiling-busy-ns: give 0 to 1000000000 " + "nanoseconds, with --c-ceiling or --versus-ceiling.");
        }
        if (idle < 0 || idle > IdleConnections.MAX || (idle > 0 && target.cCeiling)) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(),
                    "--idle: give 0 to " + IdleConnections.MAX
                            + " connections, with --endpoint (the server to hold them)");
        }
        BitSet pinTo = pinTo();
        PrintWriter out = cmd.commandLine().getOut();
        if (versusCeiling > 0) {
            try (ZContext context = context();
                    IdleConnections held = holdIdle(context, out)) {
                return compareWithCeiling(out, context, commandMix, window, pinTo);
            }
        }
        CeilingServer ceiling = null;
        try (ZContext context = context();
                IdleConnections held = holdIdle(context, out)) {
            String endpoint = target.endpoint;
            Long pid = serverPid;
            if (target.cCeiling) {
                double budget = warmup.toSeconds() + (requests > 0 ? 600 : duration.toSeconds()) + 60;
                ceiling = CPrograms.locate(nativeDir).startCeiling(budget, ceilingBusyNanos);
                endpoint = ceiling.endpoint();
                pid = ceiling.pid();
                out.println("C ceiling server listening on " + endpoint + " (pid " + pid + ")");
            }
            LoadSpec spec = spec(endpoint, target.cCeiling, commandMix, window);
            out.println("Load: " + spec.describe() + " -> " + endpoint + pinnedTo(pinTo));
            out.flush();
            LoadGenerator generator = new LoadGenerator(spec, context, encoding);
            LoadResult result;
            try (CpuAffinity.Pinned pinned = pinTo == null ? null : CpuAffinity.pin(pid, pinTo);
                    LiveProgress progress = LiveProgress.startIfTerminal(generator, spec)) {
                result = generator.run();
            }
            double peakRss = peakRss(pid);
            print(out, result, peakRss);
            generator.firstError().ifPresent(e -> out.println("First error: " + e));
            if (json != null) {
                writeJson(LoadResultJson.of(result), peakRss, pinTo);
            }
            return result.requests() > 0 ? 0 : 1;
        } finally {
            if (ceiling != null) {
                ceiling.close();
                ceiling.summary().ifPresent(s -> out.println("C ceiling server: " + s));
            }
        }
    }

    /** The clients' context, with room for the idle connections. */
    private ZContext context() {
        ZContext context = new ZContext(backend);
        if (idle > 0) {
            context.setMaxSockets(Math.max(context.getMaxSockets(), IdleConnections.socketsNeeded(idle, clients)));
        }
        return context;
    }

    /** {@code --idle}: the connections held open for the whole run, or null for none. */
    private IdleConnections holdIdle(ZContext context, PrintWriter out) throws Exception {
        if (idle == 0) {
            return null;
        }
        long t0 = System.nanoTime();
        IdleConnections held = IdleConnections.open(context, target.endpoint, idle, Duration.ofSeconds(60));
        out.printf(
                Locale.ROOT,
                "Holding %d idle connections to %s (opened and answered in %.1f s)%n",
                held.size(),
                target.endpoint,
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        return held;
    }

    /** {@code --cpus} checked before anything starts: a list of CPUs this machine has, and a process to pin. */
    private BitSet pinTo() {
        if (cpus == null) {
            return null;
        }
        if (serverPid == null && !target.cCeiling) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(),
                    "--cpus: give --server-pid, the server to pin"
                            + (versusCeiling > 0 ? " (the C ceiling and the server must run on the same CPUs)" : ""));
        }
        if (serverPid != null && !target.cCeiling && ProcessHandle.of(serverPid).isEmpty()) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(), "--cpus: no process " + serverPid + " (--server-pid) to pin");
        }
        try {
            BitSet set = CpuAffinity.parse(cpus);
            CpuAffinity.checkAvailable(set);
            return set;
        } catch (IllegalArgumentException | IOException e) {
            throw new CommandLine.ParameterException(cmd.commandLine(), "--cpus: " + e.getMessage());
        }
    }

    private static String pinnedTo(BitSet cpus) {
        return cpus == null ? "" : " (pinned to CPUs " + CpuAffinity.format(cpus) + ")";
    }

    /** The load as given, against {@code endpoint}; {@code fixedReplies} for the C ceiling, which answers anything alike. */
    private LoadSpec spec(String endpoint, boolean fixedReplies, CommandMix commandMix, int window) {
        try {
            return new LoadSpec(
                    endpoint,
                    clients,
                    socket,
                    window,
                    rate,
                    warmup,
                    duration,
                    requests,
                    commandMix,
                    code,
                    timeout,
                    fixedReplies);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd.commandLine(), e.getMessage());
        }
    }

    private static double peakRss(Long pid) {
        return pid == null ? Double.NaN : ProcessMemory.peakRssMb(pid).orElse(Double.NaN);
    }

    /** {@code --versus-ceiling}: pairs of runs, the C ceiling and then the server, and the medians of their ratios. */
    private int compareWithCeiling(PrintWriter out, ZContext context, CommandMix commandMix, int window, BitSet pinTo)
            throws Exception {
        double perRun = warmup.toSeconds() + (requests > 0 ? 600 : duration.toSeconds());
        try (CeilingServer ceiling =
                        CPrograms.locate(nativeDir).startCeiling(2 * versusCeiling * perRun + 60, ceilingBusyNanos);
                CpuAffinity.Pinned pinnedCeiling = pinTo == null ? null : CpuAffinity.pin(ceiling.pid(), pinTo);
                CpuAffinity.Pinned pinnedServer = pinTo == null ? null : CpuAffinity.pin(serverPid, pinTo)) {
            LoadSpec ceilingLoad = spec(ceiling.endpoint(), true, commandMix, window);
            LoadSpec serverLoad = spec(target.endpoint, false, commandMix, window);
            out.println("C ceiling server listening on " + ceiling.endpoint() + " (pid " + ceiling.pid() + ")");
            out.println("Load: " + serverLoad.describe() + "; " + versusCeiling + " pairs: the C ceiling, then "
                    + target.endpoint + (pinTo == null ? "" : "; both pinned to CPUs " + CpuAffinity.format(pinTo)));
            out.printf(
                    Locale.ROOT,
                    "%n%4s %14s %14s %6s %15s %15s %9s %7s%n",
                    "pair",
                    "ceiling req/s",
                    "server req/s",
                    "share",
                    "ceiling p99 ms",
                    "server p99 ms",
                    "p99 ratio",
                    "errors");
            out.flush();
            List<CeilingComparison.Pair> pairs = new ArrayList<>();
            for (int i = 1; i <= versusCeiling; i++) {
                CeilingComparison.Pair p =
                        new CeilingComparison.Pair(run(ceilingLoad, context, out), run(serverLoad, context, out));
                pairs.add(p);
                out.printf(
                        Locale.ROOT,
                        "%4d %14.0f %14.0f %6.3f %15.3f %15.3f %9.2f %7d%n",
                        i,
                        p.ceiling().rps(),
                        p.server().rps(),
                        p.share(),
                        p.ceiling().response().p99Ms(),
                        p.server().response().p99Ms(),
                        p.p99Ratio(),
                        p.ceiling().errors() + p.server().errors());
                out.flush();
            }
            CeilingComparison comparison = new CeilingComparison(pairs);
            out.printf(
                    Locale.ROOT,
                    "Median of %d pairs: %.3f of the ceiling's requests/s, p99 %.2fx the ceiling's%n",
                    pairs.size(),
                    comparison.medianShare(),
                    comparison.medianP99Ratio());
            double rss = peakRss(serverPid);
            if (!Double.isNaN(rss)) {
                out.printf(Locale.ROOT, "Server peak resident memory: %.1f MiB%n", rss);
            }
            if (json != null) {
                writeJson(comparison.toJson(), rss, pinTo);
            }
            out.flush();
            return pairs.stream()
                            .allMatch(p ->
                                    p.ceiling().requests() > 0 && p.server().requests() > 0)
                    ? 0
                    : 1;
        }
    }

    /** Writes {@code --json}: the run's or comparison's figures, with what was measured around them. */
    private void writeJson(ObjectNode node, double peakRssMib, BitSet pinTo) throws IOException {
        if (!Double.isNaN(peakRssMib)) {
            node.put("server_peak_rss_mib", peakRssMib);
        }
        node.put("client_backend", backend.name().toLowerCase(Locale.ROOT));
        if (pinTo != null) {
            node.put("server_cpus", CpuAffinity.format(pinTo));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), node);
    }

    /** One run of a pair; its first error, if any, is printed (the pair's row only counts them). */
    private LoadResult run(LoadSpec spec, ZContext context, PrintWriter out) throws Exception {
        LoadGenerator generator = new LoadGenerator(spec, context, encoding);
        LoadResult result;
        try (LiveProgress progress = LiveProgress.startIfTerminal(generator, spec)) {
            result = generator.run();
        }
        generator.firstError().ifPresent(e -> out.println("First error (" + spec.endpoint() + "): " + e));
        return result;
    }

    static void print(PrintWriter out, LoadResult r, double peakRssMib) {
        out.printf(
                Locale.ROOT,
                "%nRequests: %d in %.2f s = %.1f req/s, errors: %d%n",
                r.requests(),
                r.seconds(),
                r.rps(),
                r.errors());
        if (!Double.isNaN(peakRssMib)) {
            out.printf(Locale.ROOT, "Server peak resident memory: %.1f MiB%n", peakRssMib);
        }
        out.println("Response time in ms (from intended send time):");
        out.printf(Locale.ROOT, "  %-10s %9s %8s %8s %8s %8s %8s%n", "", "count", "p50", "p95", "p99", "p99.9", "max");
        row(out, "all", r.response());
        for (Map.Entry<CommandKind, LatencyStats> e : r.responseByKind().entrySet()) {
            row(out, e.getKey().label(), e.getValue());
        }
        if (r.spec().openLoop()) {
            row(out, "(service)", r.service());
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, LatencyStats s) {
        out.printf(
                Locale.ROOT,
                "  %-10s %9d %8.3f %8.3f %8.3f %8.3f %8.3f%n",
                name,
                s.count(),
                s.p50Ms(),
                s.p95Ms(),
                s.p99Ms(),
                s.p999Ms(),
                s.maxMs());
    }
}
