package io.stui.zmq.bindings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@code zmq_h} finds libzmq, in fresh JVMs (a class initialises once per JVM): the
 * {@code stui.zmq.library} property wins, and a library that cannot be loaded fails initialisation with
 * an {@link UnsatisfiedLinkError} that says what to do.
 */
class LibraryLoadingTest {

    @Test
    void propertyNamingAMissingFileFailsInitialisationWithAClearMessage() throws Exception {
        Result r = probe("/nonexistent/libzmq.so");
        assertEquals(3, r.exitCode, r.output);
        assertTrue(r.output.contains("java.lang.UnsatisfiedLinkError: cannot load the library named by "
                + "-Dstui.zmq.library=/nonexistent/libzmq.so"), r.output);
        assertTrue(r.output.contains("then java.lang.NoClassDefFoundError"), "later uses fail too: " + r.output);
    }

    @Test
    void propertyNamingTheRealLibraryLoadsIt() throws Exception {
        String path = loadedLibzmqPath();
        Result r = probe(path);
        assertEquals(0, r.exitCode, r.output);
        assertTrue(r.output.startsWith("loaded 4.3."), r.output);
    }

    /** The absolute path of the libzmq this JVM mapped when zmq_h initialised (from /proc/self/maps). */
    private static String loadedLibzmqPath() throws IOException {
        zmq_h.zmq_version$address(); // make sure the library is loaded
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(p -> p.contains("/libzmq.so"))
                .findFirst().orElseThrow(() -> new AssertionError("libzmq not mapped in this JVM"));
    }

    private record Result(int exitCode, String output) { }

    private static Result probe(String libraryProperty) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dstui.zmq.library=" + libraryProperty,
                "-cp", testClassPath(), LoadProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        return new Result(p.exitValue(), output.strip());
    }

    /** This JVM's classes for a child JVM's class path: Surefire puts the module under test on the module path. */
    private static String testClassPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return modules.isEmpty() ? classes : modules + java.io.File.pathSeparator + classes;
    }
}
