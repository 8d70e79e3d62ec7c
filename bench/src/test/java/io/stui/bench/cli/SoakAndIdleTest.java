package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.BenchMain;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `stui bench soak` and `stui bench load --idle` against a real server on loopback, shortened. */
@Timeout(90)
class SoakAndIdleTest {

    @TempDir
    Path dir;

    private StuiServer server() {
        return StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint",
                        "tcp://127.0.0.1:*",
                        "store",
                        dir.resolve("s.db").toString())));
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = BenchMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aSoakPrintsARowPerWindowAndComparesTheFirstStretchWithTheLast() {
        try (StuiServer s = server()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = run(
                    out,
                    err,
                    "soak",
                    "--endpoint",
                    s.endpoint(),
                    "--server-pid",
                    Long.toString(ProcessHandle.current().pid()),
                    "--duration",
                    "3s",
                    "--window",
                    "1s",
                    "--compare",
                    "1s",
                    "--rate",
                    "200",
                    "--tolerance",
                    "100");
            assertEquals(0, code, out + "\n" + err);
            long rows = Pattern.compile("(?m)^ +0:0[123] ")
                    .matcher(out.toString())
                    .results()
                    .count();
            assertEquals(3, rows, out.toString());
            assertTrue(out.toString().contains("First 0:01: p99 "), out.toString());
            assertTrue(out.toString().contains("FLAT"), out.toString());
        }
    }

    @Test
    void aSoakRefusesAStretchLongerThanHalfTheRun() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(
                2, run(out, err, "soak", "--endpoint", "tcp://127.0.0.1:1", "--duration", "4m", "--compare", "3m"));
        assertTrue(err.toString().contains("at least two --compare stretches"), err.toString());
    }

    @Test
    void idleConnectionsAreOpenedAndAnsweredBeforeTheLoadRuns() {
        try (StuiServer s = server()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = run(
                    out,
                    err,
                    "load",
                    "--endpoint",
                    s.endpoint(),
                    "--idle",
                    "200",
                    "-c",
                    "2",
                    "-d",
                    "300ms",
                    "--warmup",
                    "100ms");
            assertEquals(0, code, out + "\n" + err);
            assertTrue(out.toString().contains("Holding 200 idle connections to " + s.endpoint()), out.toString());
            assertTrue(out.toString().contains("errors: 0"), out.toString());
        }
    }

    @Test
    void idleConnectionsNeedAServerToHoldThem() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(2, run(out, err, "load", "--c-ceiling", "--idle", "10"));
        assertTrue(err.toString().contains("--idle: give 0 to"), err.toString());
    }
}
