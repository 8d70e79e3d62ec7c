package io.stui.server.e2e;

import io.stui.protocol.StuiException;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.server.config.FrontMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server in a child JVM started from the test classpath with {@code stui serve}, so a test can
 * kill it with SIGKILL and start it again on the same store and port. Readiness is a successful
 * ping, not a delay.
 */
final class ChildServer implements AutoCloseable {
    final Process process;
    final String endpoint;
    final Path log;

    private ChildServer(Process process, String endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static ChildServer start(FrontMode mode, Path dir, int port, String... extraFlags) throws IOException {
        return start(mode, dir, port, Map.of(), extraFlags);
    }

    /** As {@link #start(FrontMode, Path, int, String...)} with extra environment variables for the server process. */
    static ChildServer start(FrontMode mode, Path dir, int port, Map<String, String> env, String... extraFlags)
            throws IOException {
        String endpoint = "tcp://127.0.0.1:" + port;
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xss8m",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.stui.server.cli.StuiMain",
                "serve",
                "--endpoint",
                endpoint,
                "--store",
                dir.resolve("stui.db").toString(),
                "--workers",
                "2",
                "--front-mode",
                mode.wireName()));
        cmd.addAll(List.of(extraFlags));
        Path log = Files.createTempFile(dir, "server-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("STUI_LOG_LEVEL", "INFO"); // the tests read the server's event lines
        pb.environment().putAll(env);
        Process p = pb.start();
        ChildServer child = new ChildServer(p, endpoint, log);
        child.awaitReady(Duration.ofSeconds(60));
        return child;
    }

    /** Pings until the server answers; each try waits at most 500 ms for the answer. */
    void awaitReady(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        ClientOptions quick = ClientOptions.defaults(endpoint)
                .withTimeout(Duration.ofMillis(500))
                .withTries(1);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "server exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (StuiClient c = StuiClient.connect(quick)) {
                c.ping();
                return;
            } catch (StuiException e) {
                // not up yet: the next ping is the wait
            }
        }
        throw new IllegalStateException("server not ready within " + within + ":\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful shutdown path. Returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
