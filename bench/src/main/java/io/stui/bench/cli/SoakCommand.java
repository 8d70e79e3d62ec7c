package io.stui.bench.cli;

import io.stui.bench.gate.ChildServer;
import io.stui.bench.gate.ExternalServer;
import io.stui.bench.gate.GateConfig;
import io.stui.bench.gate.ServerUnderTest;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import io.stui.bench.load.ProcessMemory;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench soak}: a long mixed load (30 minutes by default) in back-to-back windows of one
 * minute, the server's resident memory read at the end of each; then the first five minutes against
 * the last five: p99 of the response times and the largest resident memory. Flat (within 10% by
 * default) is exit 0; a server that grows or slows over time is exit 1. Not for CI: it is long.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Long mixed load: are memory and p99 flat? First minutes against last minutes, per-minute table.",
            "Exit code: 0 flat, 1 grew by more than --tolerance, 2 the run broke. Not for CI (30 minutes)."
        })
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server (default: start one).")
    String endpoint;

    @Option(names = "--server-pid", description = "Process id of the --endpoint server, for its resident memory.")
    Long serverPid;

    @Option(
            names = "--jvm-options",
            paramLabel = "FILE",
            description =
                    "Java argument file of the server started when no --endpoint (default: server/serve.jvm-options).")
    Path jvmOptions;

    @Option(
            names = {"-d", "--duration"},
            converter = DurationConverter.class,
            description = "Whole soak (default: 30m).")
    Duration duration = Duration.ofMinutes(30);

    @Option(
            names = "--window",
            converter = DurationConverter.class,
            description = "One row of the table (default: 1m).")
    Duration window = Duration.ofMinutes(1);

    @Option(
            names = "--compare",
            converter = DurationConverter.class,
            description = "Length of the first and the last stretch compared (default: 5m).")
    Duration compare = Duration.ofMinutes(5);

    @Option(
            names = {"-c", "--clients"},
            description = "REQ clients (default: ${DEFAULT-VALUE}).")
    int clients = 8;

    @Option(names = "--rate", description = "Open loop, total requests/s; 0 = closed loop (default: ${DEFAULT-VALUE}).")
    double rate = 2000;

    @Option(names = "--mix", description = "Command weights (default: ${DEFAULT-VALUE}).")
    String mix = "ping=50,evaluate=40,inspect=5,session=5";

    @Option(names = "--code", description = "Smalltalk of evaluate and inspect (default: ${DEFAULT-VALUE}).")
    String code = "(1 to: 20) inject: 0 into: [:a :b | a + b]";

    @Option(
            names = "--tolerance",
            description = "Largest growth, last stretch over first, that is still flat (default: ${DEFAULT-VALUE}).")
    double tolerance = 0.10;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where a started server's log goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "soak");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    /** One window: its result and the server's resident memory at its end. */
    record Window(LoadResult result, double rssMib) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        long windows = duration.toMillis() / window.toMillis();
        long compared = compare.toMillis() / window.toMillis();
        if (windows < 2 || compared < 1 || 2 * compared > windows) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(), "--duration must hold at least two --compare stretches of whole --window rows");
        }
        CommandMix commandMix = CommandMix.parse(mix);
        Backend backend = Backend.NATIVE.isAvailable() ? Backend.NATIVE : Backend.JEROMQ;
        try (ServerUnderTest server = server()) {
            out.println("Soak: " + server.description() + "; " + windows + " windows of " + window.toSeconds()
                    + " s; load average " + BaselineCommand.loadAverage());
            out.printf(
                    Locale.ROOT,
                    "%6s %10s %8s %9s %9s %8s%n",
                    "minute",
                    "req/s",
                    "errors",
                    "p50 ms",
                    "p99 ms",
                    "RSS MiB");
            out.flush();
            List<Window> rows = new ArrayList<>();
            try (ZContext context = new ZContext(backend)) {
                for (long i = 0; i < windows; i++) {
                    LoadSpec spec = new LoadSpec(
                            server.endpoint(),
                            clients,
                            LoadSpec.SocketKind.REQ,
                            1,
                            rate,
                            i == 0 ? Duration.ofSeconds(5) : Duration.ZERO,
                            window,
                            0,
                            commandMix,
                            code,
                            Duration.ofSeconds(5),
                            false);
                    LoadResult r = new LoadGenerator(spec, context, Encoding.COMMAND).run();
                    double rss = server.pid().isPresent()
                            ? ProcessMemory.rssMb(server.pid().getAsLong()).orElse(Double.NaN)
                            : Double.NaN;
                    rows.add(new Window(r, rss));
                    out.printf(
                            Locale.ROOT,
                            "%6s %10.0f %8d %9.3f %9.3f %8.1f%n",
                            clock(window.multipliedBy(i + 1)),
                            r.rps(),
                            r.errors(),
                            r.response().p50Ms(),
                            r.response().p99Ms(),
                            rss);
                    out.flush();
                }
            }
            Stretch first = Stretch.of(rows.subList(0, (int) compared));
            Stretch last = Stretch.of(rows.subList(rows.size() - (int) compared, rows.size()));
            double p99Growth = last.p99Ms / first.p99Ms - 1;
            double rssGrowth = last.rssMib / first.rssMib - 1;
            long errors = rows.stream().mapToLong(w -> w.result().errors()).sum();
            out.printf(
                    Locale.ROOT,
                    "%nFirst %s: p99 %.3f ms, RSS up to %.1f MiB; last %s: p99 %.3f ms, RSS up to %.1f MiB%n",
                    clock(compare),
                    first.p99Ms,
                    first.rssMib,
                    clock(compare),
                    last.p99Ms,
                    last.rssMib);
            boolean flat = p99Growth <= tolerance && !(rssGrowth > tolerance) && errors == 0;
            out.printf(
                    Locale.ROOT,
                    "p99 %+.1f%%, RSS %+.1f%%, %d errors: %s (flat = both within %+.0f%%, no error)%n",
                    100 * p99Growth,
                    100 * rssGrowth,
                    errors,
                    flat ? "FLAT" : "NOT FLAT",
                    100 * tolerance);
            out.flush();
            return flat ? 0 : 1;
        }
    }

    /** e.g. {@code 5:00} for five minutes, {@code 0:01} for one second. */
    static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    /** A stretch of windows: p99 over all their requests, the largest resident memory seen. */
    record Stretch(double p99Ms, double rssMib) {
        static Stretch of(List<Window> windows) {
            Histogram all = new Histogram(3);
            windows.forEach(w -> all.add(w.result().histogram()));
            double rss = windows.stream()
                    .mapToDouble(Window::rssMib)
                    .filter(v -> !Double.isNaN(v))
                    .max()
                    .orElse(Double.NaN);
            return new Stretch(all.getValueAtPercentile(99) / 1e6, rss);
        }
    }

    private ServerUnderTest server() throws Exception {
        if (endpoint != null) {
            return new ExternalServer(endpoint, serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid));
        }
        Path options = jvmOptions;
        if (options == null) {
            for (Path d = Path.of("").toAbsolutePath(); d != null && options == null; d = d.getParent()) {
                Path f = d.resolve("server").resolve("serve.jvm-options");
                if (Files.isRegularFile(f)) {
                    options = f;
                }
            }
        }
        List<String> args = options == null ? GateConfig.DEFAULT_JVM_ARGS : List.of("@" + options.toAbsolutePath());
        return ChildServer.start("native", 0, args, out.resolve("server.log"));
    }
}
