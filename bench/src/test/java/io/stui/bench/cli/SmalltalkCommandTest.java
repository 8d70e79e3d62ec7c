package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SmalltalkCommandTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = BenchMain.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "smalltalk";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    @Timeout(120)
    void printsEachFigureNextToJavaAndWritesJson(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path json = dir.resolve("st.json");
        int code = run(
                out, err, "--fib", "12", "--sieve", "1", "--warmup", "0", "--rounds", "1", "--json", json.toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("benchFib  Smalltalk"), text);
        assertTrue(text.contains("benchFib  Java"), text);
        assertTrue(text.contains("sieve     Java"), text);
        assertTrue(text.contains("load 50 classes"), text);
        assertTrue(text.contains("kernel boot"), text);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // benchFib: 12 answers the calls it made, 465, whichever language computed it
        assertEquals(465, root.path("bench_fib").path("work").asLong());
        assertTrue(root.path("bench_fib").path("ratio_cpu_median").asDouble() > 0, root.toString());
        assertEquals(500_000, root.path("sieve").path("work").asLong());
        assertTrue(root.path("load_50_classes").path("cpu_ms_median").asDouble() > 0, root.toString());
        assertTrue(root.path("kernel_boot").has("cold_wall_ms"), root.toString());
    }

    @Test
    void refusesAnArgumentOutOfRange() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err, "--fib", "99"));
        assertTrue(err.toString().contains("--fib"), err.toString());
    }
}
