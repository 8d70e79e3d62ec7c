package io.stui.bench.nativec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C reference programs of {@code native/c/} (libzmq used directly): finds them, builds them
 * with their script when needed, runs them and parses the JSON line each prints.
 */
public final class CPrograms {
    private static final Logger LOG = LoggerFactory.getLogger(CPrograms.class);
    /** Environment variable naming the {@code native/c} directory when it cannot be found from the working directory. */
    public static final String ENV_DIR = "STUI_NATIVE_C";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sourceDir;

    private CPrograms(Path sourceDir) {
        this.sourceDir = sourceDir;
    }

    /**
     * Finds {@code native/c}: the given directory, else {@code $STUI_NATIVE_C}, else the working
     * directory or one of its parents that holds {@code native/c/build.sh}.
     *
     * @throws IOException with what to do when none is found
     */
    public static CPrograms locate(Path explicitDir) throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (explicitDir != null) {
            candidates.add(explicitDir);
        } else {
            String env = System.getenv(ENV_DIR);
            if (env != null && !env.isBlank()) {
                candidates.add(Path.of(env));
            }
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("native").resolve("c"));
            }
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("build.sh"))) {
                return new CPrograms(c.toAbsolutePath().normalize());
            }
        }
        throw new IOException("cannot find the C reference programs (native/c/build.sh): run from the project "
                + "checkout or set " + ENV_DIR + " to its native/c directory");
    }

    /** The {@code native/c} directory. */
    public Path sourceDir() {
        return sourceDir;
    }

    /** Runs {@code build.sh} (it recompiles only what changed) and answers the directory of the binaries. */
    public Path build() throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder("bash", sourceDir.resolve("build.sh").toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("native/c/build.sh did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while building the C programs", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("native/c/build.sh failed (exit " + p.exitValue() + "): " + out.strip());
        }
        if (!out.isBlank()) {
            LOG.info("{}", out.strip());
        }
        return sourceDir.resolve("build");
    }

    /** Path of a built program, building first if it is missing. */
    public Path program(String name) throws IOException {
        Path bin = sourceDir.resolve("build").resolve(name);
        if (!Files.isExecutable(bin)) {
            build();
        }
        if (!Files.isExecutable(bin)) {
            throw new IOException("native/c/build.sh did not produce " + bin);
        }
        return bin;
    }

    /** Round-trip latency: {@code stui_lat}. Pattern is {@code req_rep} or {@code dealer_router}. */
    public JsonNode latency(String pattern, String transport, int size, long count, double maxSeconds)
            throws IOException {
        return latency(pattern, transport, size, count, maxSeconds, false);
    }

    /**
     * Round-trip latency: {@code stui_lat}, 1,000 unmeasured round trips first. With {@code copy} both
     * sides copy every frame out of its message and send from a buffer (what an API that receives into
     * and sends from arrays does); without, the echo sends back the message it received (zero copy).
     */
    public JsonNode latency(String pattern, String transport, int size, long count, double maxSeconds, boolean copy)
            throws IOException {
        return runOnce(
                List.of(
                        program("stui_lat").toString(),
                        pattern,
                        transport,
                        Integer.toString(size),
                        Long.toString(count),
                        Double.toString(maxSeconds),
                        "1000",
                        copy ? "copy" : "zerocopy"),
                maxSeconds);
    }

    /** PUSH/PULL throughput: {@code stui_thr}. */
    public JsonNode throughput(String transport, int size, long count, double maxSeconds) throws IOException {
        return runOnce(
                List.of(
                        program("stui_thr").toString(),
                        transport,
                        Integer.toString(size),
                        Long.toString(count),
                        Double.toString(maxSeconds)),
                maxSeconds);
    }

    /** Per-call costs in one thread (inproc send+receive, getsockopt, zmq_msg_size): {@code stui_inproc}. */
    public JsonNode inProcess(long iterations, double maxSeconds) throws IOException {
        return runOnce(
                List.of(program("stui_inproc").toString(), Long.toString(iterations), Double.toString(maxSeconds)),
                maxSeconds);
    }

    /** Starts the C ROUTER ceiling server on a free loopback port; it stops by itself after {@code maxSeconds}. */
    public CeilingServer startCeiling(double maxSeconds) throws IOException {
        return startCeiling(maxSeconds, 0);
    }

    /**
     * As {@link #startCeiling(double)}, spinning {@code busyNanos} per request before it answers: what a server
     * whose receiving thread spends that much per request would reach under the same load.
     */
    public CeilingServer startCeiling(double maxSeconds, long busyNanos) throws IOException {
        return CeilingServer.start(program("stui_ceiling"), maxSeconds, busyNanos);
    }

    /** Runs a program that prints one JSON line and exits; fails with its stderr if it does not. */
    private static JsonNode runOnce(List<String> command, double maxSeconds) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    last = line;
                }
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor((long) maxSeconds + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not stop by itself");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        if (p.exitValue() != 0 || last == null) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + err);
        }
        return JSON.readTree(last);
    }
}
