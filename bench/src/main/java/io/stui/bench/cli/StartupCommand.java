package io.stui.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.load.ProcessCpu;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.Request;
import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench startup}: how long a person waits, measured on whole processes started through
 * the {@code stui} launcher as a person starts them: {@code stui eval '3+4'} and {@code stui call
 * ping} against a running server, {@code stui st '3+4'}, each from launch to exit; and {@code stui
 * serve} from launch to its first answer to a ping. Min, median and max over the runs, with the
 * machine's load average next to them (a shared machine moves these figures more than any change).
 */
@Command(
        name = "startup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Start-up a person notices: whole processes through the stui launcher, min/median/max over runs.",
            "eval, call and st from launch to exit (target 400 ms); serve from launch to its first answer (800 ms)."
        })
public final class StartupCommand implements Callable<Integer> {
    /** What a person waits for, and how long is fine. */
    enum Case {
        EVAL(400),
        CALL(400),
        ST(400),
        SERVE(800);

        final long targetMs;

        Case(long targetMs) {
            this.targetMs = targetMs;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--runs", description = "Measured runs of each command (default: ${DEFAULT-VALUE}).")
    int runs = 7;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "CMD",
            description = "Commands to measure: eval, call, st, serve (default: all).")
    List<Case> only = List.of(Case.values());

    @Option(
            names = "--launcher",
            paramLabel = "FILE",
            description = "The stui launcher (default: ./stui, found upwards).")
    Path launcher;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    /**
     * One command's measured runs, in milliseconds; for serve also the server process's CPU time (user + system)
     * at its first answer, which a loaded machine moves far less than the wall-clock time.
     */
    record Timing(Case c, List<Double> ms, List<Double> cpuMs) {
        double min() {
            return sorted()[0];
        }

        double median() {
            double[] v = sorted();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        double max() {
            double[] v = sorted();
            return v[v.length - 1];
        }

        private double[] sorted() {
            return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new CommandLine.ParameterException(cmd.commandLine(), "--runs: give 1 to 100");
        }
        PrintWriter out = cmd.commandLine().getOut();
        Path stui = launcher != null ? launcher : findLauncher();
        String loadBefore = BaselineCommand.loadAverage();
        out.println("Launcher: " + stui + "; " + runs + " measured runs each, after unmeasured ones that build "
                + "the start-up caches; load average " + loadBefore);
        out.flush();
        List<Timing> timings = new ArrayList<>();
        Backend backend = Backend.NATIVE.isAvailable() ? Backend.NATIVE : Backend.JEROMQ;
        try (ZContext context = new ZContext(backend)) {
            Process server = null;
            Path store = Files.createTempDirectory("stui-startup");
            try {
                String endpoint = null;
                if (only.contains(Case.EVAL) || only.contains(Case.CALL)) {
                    endpoint = freeEndpoint();
                    server = serve(stui, endpoint, store.resolve("eval.db"));
                    if (firstAnswerMs(context, endpoint, server, System.nanoTime()) < 0) {
                        throw new IOException("the server for eval and call did not answer: " + tail(server));
                    }
                    // its launch may have started the serve cache's training: not while clients are timed
                    awaitServeCache(stui);
                }
                for (Case c : only) {
                    Timing t = c == Case.SERVE ? serveRuns(stui, context, store) : clientRuns(stui, c, endpoint);
                    timings.add(t);
                    out.printf(
                            Locale.ROOT,
                            "  %-6s min %5.0f  median %5.0f  max %5.0f ms  (target %d ms: %s)%n",
                            c.label(),
                            t.min(),
                            t.median(),
                            t.max(),
                            c.targetMs,
                            t.median() <= c.targetMs ? "met" : "NOT met");
                    if (!t.cpuMs().isEmpty()) {
                        double[] cpu = t.cpuMs().stream()
                                .mapToDouble(Double::doubleValue)
                                .sorted()
                                .toArray();
                        out.printf(
                                Locale.ROOT,
                                "  %-6s CPU to the first answer: min %5.0f  median %5.0f  max %5.0f ms%n",
                                "",
                                cpu[0],
                                cpu[cpu.length / 2],
                                cpu[cpu.length - 1]);
                    }
                    out.flush();
                }
            } finally {
                if (server != null) {
                    stop(server);
                }
                try (var files = Files.walk(store)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
        String loadAfter = BaselineCommand.loadAverage();
        out.println("Load average at the end: " + loadAfter);
        if (json != null) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("launcher", stui.toString());
            root.put("runs", runs);
            root.put("load_average_before", loadBefore);
            root.put("load_average_after", loadAfter);
            ObjectNode by = root.putObject("commands");
            for (Timing t : timings) {
                ObjectNode n = by.putObject(t.c().label());
                n.put("min_ms", t.min());
                n.put("median_ms", t.median());
                n.put("max_ms", t.max());
                n.put("target_ms", t.c().targetMs);
                var list = n.putArray("runs_ms");
                t.ms().forEach(list::add);
                if (!t.cpuMs().isEmpty()) {
                    var cpu = n.putArray("cpu_ms");
                    t.cpuMs().forEach(cpu::add);
                }
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
        }
        out.flush();
        return 0;
    }

    /** eval, call or st: launch to exit; the answer is checked, so a fast failure never counts. */
    private Timing clientRuns(Path stui, Case c, String endpoint) throws IOException, InterruptedException {
        List<String> args = switch (c) {
            case EVAL -> List.of(stui.toString(), "eval", "-e", endpoint, "3+4");
            case CALL -> List.of(stui.toString(), "call", "-e", endpoint, "ping");
            case ST -> List.of(stui.toString(), "st", "3+4");
            case SERVE -> throw new IllegalArgumentException("serve is measured to its first answer");
        };
        String expected = c == Case.CALL ? "\"success\"" : "7";
        // The first run records the launcher's start-up cache; it is assembled in the background.
        runOnce(args, expected);
        Path root = stui.toAbsolutePath().getParent();
        Path jar = root.resolve("server/target/stui.jar");
        Path cache = root.resolve("server/target/aot/" + (c == Case.ST ? "st" : "client") + ".aot");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!newer(cache, jar) && System.nanoTime() < deadline) {
            Thread.sleep(200); // waiting on another process's file: nothing to synchronise on
        }
        runOnce(args, expected);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ms.add(runOnce(args, expected));
        }
        return new Timing(c, ms, List.of());
    }

    /** True when {@code file} exists and was written after {@code than} (the launcher's test for a current cache). */
    private static boolean newer(Path file, Path than) throws IOException {
        return Files.exists(file)
                && Files.exists(than)
                && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    private static double runOnce(List<String> args, String expected) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", args) + " did not finish within 60 s");
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0 || !output.contains(expected)) {
            throw new IOException(String.join(" ", args) + " failed (exit " + p.exitValue() + "): " + output.strip());
        }
        return ms;
    }

    /** serve: launch to the first answer to a ping, each run a new server on a free port with a new store. */
    private Timing serveRuns(Path stui, ZContext context, Path store) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        for (int i = -1; i < runs; i++) { // run -1 is unmeasured (file caches)
            String endpoint = freeEndpoint();
            long t0 = System.nanoTime();
            Process p = serve(stui, endpoint, store.resolve("serve-" + (i + 1) + ".db"));
            try {
                double first = firstAnswerMs(context, endpoint, p, t0);
                // the launcher execs java, so this is the server's JVM
                var cpu = ProcessCpu.cpuMs(p.pid());
                if (first < 0) {
                    throw new IOException("stui serve did not answer a ping within 60 s: " + tail(p));
                }
                if (i >= 0) {
                    ms.add(first);
                    cpu.ifPresent(cpuMs::add);
                }
            } finally {
                stop(p);
            }
            if (i < 0) {
                awaitServeCache(stui);
            }
        }
        return new Timing(Case.SERVE, ms, cpuMs);
    }

    /**
     * The launcher trains serve's start-up cache in the background after the first serve of a build (a server
     * of its own answering a few requests, then the cache assembled): the measured runs start when it is there,
     * or after two minutes without it (STUI_AOT=off or STUI_JAVA_OPTS: no cache is trained).
     */
    private static void awaitServeCache(Path stui) throws IOException, InterruptedException {
        if ("off".equals(System.getenv("STUI_AOT")) || System.getenv("STUI_JAVA_OPTS") != null) {
            return;
        }
        Path root = stui.toAbsolutePath().getParent();
        Path jar = root.resolve("server/target/stui.jar");
        Path cache = root.resolve("server/target/aot/serve.aot");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!newer(cache, jar) && System.nanoTime() < deadline) {
            Thread.sleep(200); // waiting on another process's file: nothing to synchronise on
        }
    }

    private static Process serve(Path stui, String endpoint, Path store) throws IOException {
        return new ProcessBuilder(stui.toString(), "serve", "--endpoint", endpoint, "--store", store.toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        store.resolveSibling(store.getFileName() + ".log").toFile())
                .start();
    }

    /**
     * Milliseconds from {@code t0} to the first answer to a ping at {@code endpoint}, asking every
     * 20 ms (a REQ socket that heard nothing is replaced, as the Lazy Pirate does); -1 when the
     * process ended or a minute went by.
     */
    private static double firstAnswerMs(ZContext context, String endpoint, Process p, long t0) {
        byte[] ping = ClientCodec.INSTANCE.encode(Encoding.COMMAND, "startup", new Request.Ping(null));
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (ZSocket req = context.createSocket(SocketType.REQ)) {
                req.setLinger(0);
                req.setReconnectIvl(5);
                req.setRcvTimeout(20);
                req.connect(endpoint);
                req.send(ping);
                if (req.receive()
                        .map(b -> ClientCodec.INSTANCE.decode(b).isSuccess())
                        .orElse(false)) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        return -1;
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static String tail(Process p) {
        return "exit " + (p.isAlive() ? "(still running)" : Integer.toString(p.exitValue()));
    }

    private static String freeEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    private Path findLauncher() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("stui");
            if (Files.isRegularFile(f) && Files.isExecutable(f)) {
                return f;
            }
        }
        throw new CommandLine.ParameterException(
                cmd.commandLine(),
                "cannot find the stui launcher upwards of " + Path.of("").toAbsolutePath() + "; give --launcher");
    }
}
