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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * `stui bench load` with the IDE tools' kinds against a real server on loopback, bounded by a request count (not a
 * benchmark: it checks that every kind is answered without error and gets its row of percentiles).
 */
@Timeout(120)
class IdeToolsMixTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "socket {0}")
    @ValueSource(strings = {"req", "dealer"})
    void everyIdeKindIsAnsweredAndReported(String socket) {
        try (StuiServer s = StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint",
                        "tcp://127.0.0.1:*",
                        "store",
                        dir.resolve("s.db").toString())))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = BenchMain.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(
                    "load",
                    "--endpoint",
                    s.endpoint(),
                    "--socket",
                    socket,
                    "--pipeline",
                    socket.equals("req") ? "1" : "4",
                    "-c",
                    "2",
                    "-n",
                    "160",
                    "--warmup",
                    "0s",
                    "--mix",
                    "complete=1,senders=1,debug_step=1,load_code=1");
            assertEquals(0, code, out + "\n" + err);
            assertTrue(out.toString().contains("errors: 0"), out.toString());
            for (String kind : new String[] {"complete", "senders", "debug_step", "load_code"}) {
                assertTrue(
                        Pattern.compile("(?m)^  " + kind + " +[1-9]\\d* +[0-9.]+ +[0-9.]+ +[0-9.]+ ")
                                .matcher(out.toString())
                                .find(),
                        kind + " has no row with a count and p99:\n" + out);
            }
        }
    }
}
