package io.stui.bench.gate;

import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.Request;
import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The STUI server started by the gate as a child JVM on a free loopback port, with a fresh store
 * in a temporary directory. Its output goes to a log file next to the report. Ready once it
 * answers a ping; stopped with SIGTERM (graceful), then killed if it does not exit.
 */
public final class ChildServer implements ServerUnderTest {
    /** The server's launcher class (module server). */
    public static final String MAIN_CLASS = "io.stui.server.cli.StuiMain";

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final String endpoint;
    private final String backend;
    private final Path log;
    private final Path storeDir;

    private ChildServer(Process process, String endpoint, String backend, Path log, Path storeDir) {
        this.process = process;
        this.endpoint = endpoint;
        this.backend = backend;
        this.log = log;
        this.storeDir = storeDir;
    }

    /**
     * Starts the server and waits until it answers a ping.
     *
     * @param backend  ZeroMQ backend of the server, {@code native} or {@code jeromq}
     * @param workers  worker threads, or 0 for the server's default
     * @param jvmArgs  options for the child JVM (heap size, GC)
     * @param log      file that receives the server's output
     * @throws IOException when it cannot start or does not answer within a minute
     */
    public static ChildServer start(String backend, int workers, List<String> jvmArgs, Path log)
            throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        String endpoint = "tcp://127.0.0.1:" + port;
        Path storeDir = Files.createTempDirectory("stui-gate-store");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-D" + Backend.PROPERTY + "=" + backend);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.add("serve");
        cmd.add("--endpoint");
        cmd.add(endpoint);
        cmd.add("--store");
        cmd.add(storeDir.resolve("gate.db").toString());
        if (workers > 0) {
            cmd.add("--workers");
            cmd.add(Integer.toString(workers));
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildServer server = new ChildServer(p, endpoint, backend, log, storeDir);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (ZContext ctx = new ZContext(Backend.NATIVE.isAvailable() ? Backend.NATIVE : Backend.JEROMQ)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the STUI server exited with code " + process.exitValue()
                            + " before answering; its output: " + tail());
                }
                try (ZSocket req = ctx.createSocket(SocketType.REQ)) {
                    req.setLinger(0);
                    req.setRcvTimeout(500);
                    req.connect(endpoint);
                    req.send(ClientCodec.INSTANCE.encode(Encoding.COMMAND, "ready", new Request.Ping(null)));
                    if (req.receive()
                            .map(b -> ClientCodec.INSTANCE.decode(b).isSuccess())
                            .orElse(false)) {
                        return;
                    }
                }
            }
        }
        throw new IOException(
                "the STUI server did not answer a ping within " + STARTUP.toSeconds() + " s; its output: " + tail());
    }

    /** The last lines of the server's output, for error messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public String description() {
        return "STUI server (" + backend + " backend), child JVM pid " + process.pid() + ", " + endpoint;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public boolean fixedReplies() {
        return false;
    }

    /** True while the server process runs. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        deleteTree(storeDir);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
