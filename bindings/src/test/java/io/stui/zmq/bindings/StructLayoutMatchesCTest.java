package io.stui.zmq.bindings;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compiles {@code layout_check.c} with gcc against the installed zmq.h and checks that the generated
 * struct layouts have the C sizes, alignments and field offsets. Skipped when gcc is missing.
 */
class StructLayoutMatchesCTest {

    @TempDir
    static Path temp;
    private static Map<String, Long> c;

    @BeforeAll
    static void compileAndRunLayoutCheck() throws IOException, InterruptedException {
        assumeTrue(runs(List.of("gcc", "--version")), "gcc is missing: struct layouts not checked against C");
        Path source = temp.resolve("layout_check.c");
        try (InputStream in = StructLayoutMatchesCTest.class.getResourceAsStream("/layout_check.c")) {
            Files.copy(in, source);
        }
        Path exe = temp.resolve("layout_check");
        Process gcc = new ProcessBuilder("gcc", "-std=c11", "-o", exe.toString(), source.toString())
                .redirectErrorStream(true).start();
        String gccOutput = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gcc.waitFor(), "gcc failed (is zmq.h installed?): " + gccOutput);
        Process check = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), output);
        c = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] kv = line.split("=");
            c.put(kv[0], Long.parseLong(kv[1].strip()));
        }
    }

    private static boolean runs(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void zmqMsgTMatchesC() {
        GroupLayout layout = zmq_msg_t.layout();
        assertEquals(c.get("zmq_msg_t.size"), layout.byteSize());
        assertEquals(c.get("zmq_msg_t.size"), zmq_msg_t.sizeof());
        assertEquals(c.get("zmq_msg_t.align"), layout.byteAlignment());
        assertEquals(c.get("zmq_msg_t._.offset"), zmq_msg_t.__$offset());
        assertEquals(c.get("zmq_msg_t._.size"), zmq_msg_t.__$layout().byteSize());
        assertEquals(64L, zmq_msg_t.sizeof());
        assertEquals(8L, layout.byteAlignment());
    }

    @Test
    void zmqPollitemTMatchesC() {
        GroupLayout layout = zmq_pollitem_t.layout();
        assertEquals(c.get("zmq_pollitem_t.size"), layout.byteSize());
        assertEquals(c.get("zmq_pollitem_t.align"), layout.byteAlignment());
        Map<String, Long> javaOffsets = Map.of(
                "socket", zmq_pollitem_t.socket$offset(), "fd", zmq_pollitem_t.fd$offset(),
                "events", zmq_pollitem_t.events$offset(), "revents", zmq_pollitem_t.revents$offset());
        Map<String, Long> javaSizes = Map.of(
                "socket", zmq_pollitem_t.socket$layout().byteSize(), "fd", zmq_pollitem_t.fd$layout().byteSize(),
                "events", zmq_pollitem_t.events$layout().byteSize(),
                "revents", zmq_pollitem_t.revents$layout().byteSize());
        for (String field : javaOffsets.keySet()) {
            assertEquals(c.get("zmq_pollitem_t." + field + ".offset"), javaOffsets.get(field), field + " offset");
            assertEquals(c.get("zmq_pollitem_t." + field + ".offset"),
                    layout.byteOffset(MemoryLayout.PathElement.groupElement(field)), field + " offset in layout");
            assertEquals(c.get("zmq_pollitem_t." + field + ".size"), javaSizes.get(field), field + " size");
        }
    }
}
