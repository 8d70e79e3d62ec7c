package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What happens when libzmq cannot be loaded, checked in a child JVM whose bindings are pointed at a
 * library that does not exist ({@code -Dstui.zmq.library}).
 */
class BackendFallbackTest {
    private static final String MISSING = "-Dstui.zmq.library=/nonexistent/libzmq-missing.so";

    private record Run(int exit, String stdout, String stderr) {}

    private static Run runDemo(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(testClassPath());
        cmd.add(FallbackProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(Backend.ENVIRONMENT);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream();
        var err = p.getErrorStream();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the demo JVM did not finish");
        return new Run(
                p.exitValue(),
                new String(out.readAllBytes(), StandardCharsets.UTF_8),
                new String(err.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutLibzmqTheDefaultFallsBackToJeromqWithOneLogLine() throws Exception {
        Run run = runDemo(MISSING);
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.stdout().contains("backend:   JEROMQ"), run.stdout());
        assertTrue(run.stdout().contains("reply:     pong"), run.stdout());
        long warnings = run.stderr()
                .lines()
                .filter(l -> l.contains("libzmq could not be loaded"))
                .count();
        assertEquals(1, warnings, run.stderr());
    }

    @Test
    void explicitNativeWithoutLibzmqFailsClearly() throws Exception {
        Run run = runDemo(MISSING, "-D" + Backend.PROPERTY + "=native");
        assertNotEquals(0, run.exit());
        assertTrue(run.stderr().contains("BackendUnavailableException"), run.stderr());
        assertTrue(run.stderr().contains("libzmq could not be loaded"), run.stderr());
        assertTrue(!run.stdout().contains("JEROMQ"), "an explicit native choice never falls back");
    }

    /** This JVM's classes for a child JVM's class path: Surefire puts the module under test on the module path. */
    private static String testClassPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return modules.isEmpty() ? classes : modules + java.io.File.pathSeparator + classes;
    }
}
