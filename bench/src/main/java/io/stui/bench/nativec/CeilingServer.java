package io.stui.bench.nativec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code stui_ceiling} process: the minimal C ROUTER server that answers every request
 * with a fixed JSON reply. Closing it stops the process (SIGTERM) and collects its summary line.
 */
public final class CeilingServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String endpoint;
    private final Thread reader;
    private volatile JsonNode summary;

    private CeilingServer(Process process, BufferedReader out, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        // Read the rest of the output as it comes, so the summary line is kept whenever the process ends.
        this.reader = Thread.ofPlatform().daemon().name("ceiling-output").start(() -> {
            try (out) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("{")) {
                        summary = JSON.readTree(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone; whatever summary was read stays
            }
        });
    }

    static CeilingServer start(Path program, double maxSeconds, long busyNanos) throws IOException {
        Process p = new ProcessBuilder(
                        program.toString(), "tcp://127.0.0.1:*", Double.toString(maxSeconds), Long.toString(busyNanos))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        // The first line says where it listens; the program binds before printing it.
        String ready = r.readLine();
        if (ready == null) {
            p.destroyForcibly();
            throw new IOException(program + " exited before it was ready");
        }
        JsonNode node = JSON.readTree(ready);
        String endpoint = node.path("endpoint").asText("");
        if (!"ready".equals(node.path("event").asText()) || endpoint.isEmpty()) {
            p.destroyForcibly();
            throw new IOException(program + " printed an unexpected first line: " + ready);
        }
        return new CeilingServer(p, r, endpoint);
    }

    /** Where the server listens, e.g. {@code tcp://127.0.0.1:40135}. */
    public String endpoint() {
        return endpoint;
    }

    /** The server's process id (to read its resident memory, for instance). */
    public long pid() {
        return process.pid();
    }

    /** The summary line the server printed when it stopped (requests served, rate), once closed. */
    public Optional<JsonNode> summary() {
        return Optional.ofNullable(summary);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
