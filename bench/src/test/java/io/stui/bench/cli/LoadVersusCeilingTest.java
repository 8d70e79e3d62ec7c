package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.bench.BenchMain;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `stui bench load --versus-ceiling`: a real server on loopback measured in pairs against the real C ceiling. */
@Timeout(60)
class LoadVersusCeilingTest {

    @TempDir
    Path dir;

    @Test
    void eachPairRunsTheCeilingThenTheServerAndTheMediansAreOfThePairs() throws Exception {
        try (StuiServer server = StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint",
                        "tcp://127.0.0.1:*",
                        "store",
                        dir.resolve("s.db").toString(),
                        "workers",
                        "1")))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = BenchMain.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            Path json = dir.resolve("pairs.json");
            int code = cl.execute(
                    "load",
                    "--endpoint",
                    server.endpoint(),
                    "--versus-ceiling",
                    "3",
                    "-c",
                    "2",
                    "--mix",
                    "ping=1,evaluate=1,complete=1,senders=1",
                    "-d",
                    "300ms",
                    "--warmup",
                    "100ms",
                    "--json",
                    json.toString());
            assertEquals(0, code, out + "\n" + err);

            // three rows: pair number, ceiling req/s, server req/s, share, two p99s, p99 ratio, errors
            Matcher row = Pattern.compile(
                            "(?m)^\\s+(\\d) +(\\d+) +(\\d+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +(\\d+)$")
                    .matcher(out.toString());
            int rows = 0;
            while (row.find()) {
                rows++;
                assertEquals(rows, Integer.parseInt(row.group(1)));
                double ceiling = Double.parseDouble(row.group(2));
                double served = Double.parseDouble(row.group(3));
                assertTrue(ceiling > 0 && served > 0, row.group());
                assertEquals(served / ceiling, Double.parseDouble(row.group(4)), 0.01, row.group());
                assertEquals("0", row.group(8), "no errors: " + out);
            }
            assertEquals(3, rows, out.toString());
            assertTrue(out.toString().contains("Median of 3 pairs: "), out.toString());

            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertEquals(3, report.path("pairs").size());
            double[] shares = new double[3];
            for (int i = 0; i < 3; i++) {
                JsonNode p = report.path("pairs").get(i);
                assertTrue(
                        p.path("ceiling").path("load").path("endpoint").asText().startsWith("tcp://"));
                assertEquals(
                        server.endpoint(),
                        p.path("server").path("load").path("endpoint").asText());
                shares[i] = p.path("share").asDouble();
            }
            java.util.Arrays.sort(shares);
            assertEquals(shares[1], report.path("median_share").asDouble(), 1e-9);
        }
    }
}
