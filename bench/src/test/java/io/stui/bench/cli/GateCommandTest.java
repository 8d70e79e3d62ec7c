package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The gate command end to end against the C ceiling server: exit codes and report files. */
@Timeout(60)
class GateCommandTest {
    private static final String LOAD = """
            "load": {"clients": 5, "rate": 500, "warmup_seconds": 0.3, "duration_seconds": 1.5,
                     "mix": {"ping": 1, "evaluate": 1}},
            """;

    private static int gate(Path config, Path out, StringWriter err) {
        CommandLine cl = BenchMain.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("gate", "--config", config.toString(), "--out", out.toString(), "--c-ceiling");
    }

    @Test
    void passesWhenTheFloorsHoldAndWritesTheReports(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("gates.json");
        Files.writeString(cfg, "{" + LOAD + """
                "thresholds": [{"metric": "rps", "above": 100}, {"metric": "ping.p50_ms", "below": 1000},
                               {"metric": "errors", "at_most": 0}, {"metric": "clients", "at_least": 5}]}
                """);
        StringWriter err = new StringWriter();
        assertEquals(0, gate(cfg, dir.resolve("out"), err), err.toString());
        JsonNode report =
                new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("pass", report.path("outcome").asText());
        assertTrue(report.path("results").path("requests").asLong() > 300);
        assertTrue(Files.size(dir.resolve("out/latency.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("PASS"));
    }

    @Test
    void missesWithExitCodeOneAndNamesTheMiss(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("gates.json");
        Files.writeString(cfg, "{" + LOAD + """
                "thresholds": [{"metric": "rps", "above": 1000000}]}
                """);
        StringWriter err = new StringWriter();
        assertEquals(1, gate(cfg, dir.resolve("out"), err));
        assertTrue(err.toString().contains("missed: rps > 1000000"), err.toString());
        JsonNode report =
                new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("miss", report.path("outcome").asText());
    }

    @Test
    void aBadFileBreaksTheRunWithExitCodeTwo(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("gates.json");
        Files.writeString(cfg, "{\"load\": {\"clients\": 5}, \"thresholds\": 3}");
        StringWriter err = new StringWriter();
        assertEquals(2, gate(cfg, dir.resolve("out"), err));
        assertTrue(err.toString().contains("load is missing \"duration_seconds\""), err.toString());
        JsonNode report =
                new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("broken", report.path("outcome").asText());
    }
}
