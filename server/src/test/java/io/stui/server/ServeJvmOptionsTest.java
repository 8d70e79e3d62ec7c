package io.stui.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiler-memory exceptions of serve.jvm-options name methods that exist: the JVM ignores a command for a
 * method that is not there, so a rename would silently leave the method to the 3m limit (interpreted, or C2's
 * attempt given up late).
 */
class ServeJvmOptionsTest {

    @Test
    void everyMemLimitExceptionNamesAMethodOfTheServer() throws Exception {
        List<String> exceptions = Files.readAllLines(Path.of("serve.jvm-options")).stream()
                .filter(l -> l.startsWith("-XX:CompileCommand=MemLimit,") && !l.contains("*::*"))
                .toList();
        assertFalse(exceptions.isEmpty(), "no per-method MemLimit line found in serve.jvm-options");
        for (String line : exceptions) {
            String pattern = line.split(",")[1];
            String className = pattern.substring(0, pattern.indexOf("::"));
            String method = pattern.substring(pattern.indexOf("::") + 2);
            Class<?> type = Class.forName(className, false, getClass().getClassLoader());
            if (!method.equals("*")) {
                assertTrue(
                        Arrays.stream(type.getDeclaredMethods())
                                .map(Method::getName)
                                .anyMatch(method::equals),
                        line + ": " + className + " has no method " + method);
            }
        }
    }
}
