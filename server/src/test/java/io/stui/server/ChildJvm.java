package io.stui.server;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the tests in a fresh JVM with its class-load log, for tests of what a path does not load.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs {@code main} with {@code args} and answers the names of the classes it loaded; fails the test if it does
     * not exit 0 within a minute.
     */
    public static Set<String> classesLoaded(Path dir, Class<?> main, String... args) throws Exception {
        Path log = dir.resolve(main.getSimpleName() + "-class-load.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                testClassPath(),
                main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + output);
        }
        if (child.exitValue() != 0) {
            throw new AssertionError("the child JVM exited " + child.exitValue() + ": " + output);
        }
        Set<String> loaded = new TreeSet<>();
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                loaded.add(rest.substring(0, rest.indexOf(' ')));
            }
        }
        return loaded;
    }

    /** This JVM's classes for a child JVM's class path (Surefire may put the module under test on the module path). */
    private static String testClassPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return String.join(
                File.pathSeparator,
                List.of(modules, classes).stream().filter(s -> !s.isEmpty()).toList());
    }
}
