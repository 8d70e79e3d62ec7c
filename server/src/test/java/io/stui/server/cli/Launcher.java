package io.stui.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The launcher as the CLI tests run it: in process, its standard output captured. */
final class Launcher {
    private Launcher() {}

    /** Runs {@code stui args...}; answers [exit code, output]. */
    static Object[] run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = StuiMain.run(args);
            return new Object[] {code, buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(saved);
        }
    }
}
