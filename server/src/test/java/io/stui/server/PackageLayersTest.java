package io.stui.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages form layers: {@link StuiServer} wires them and nothing below it refers to it, and no two
 * packages depend on each other, directly or through others. Read from the sources (imports and fully qualified
 * names), so a new cycle fails the build where it is made.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/stui/server");
    /** The top-level package, where {@code StuiServer} lives. */
    private static final String TOP = "(top)";
    /** The launcher: it starts a server, so it is the one package above {@link StuiServer}. */
    private static final String LAUNCHER = "cli";

    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.stui\\.server\\.(\\w+)");

    @Test
    void noPackageOfTheServerDependsOnItselfThroughOthers() {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.keySet().containsAll(List.of(TOP, "front", "dispatch", "command", "session")), uses::toString);
        for (String start : uses.keySet()) {
            List<String> cycle = cycleFrom(start, start, uses, new ArrayList<>(), new TreeSet<>());
            assertEquals(List.of(), cycle, "a cycle between the server's packages: " + cycle);
        }
    }

    @Test
    void onlyTheLauncherRefersToTheServerThatWiresEverything() {
        Map<String, Set<String>> uses = dependencies();
        for (var e : uses.entrySet()) {
            if (!e.getKey().equals(LAUNCHER) && !e.getKey().equals(TOP)) {
                assertTrue(
                        !e.getValue().contains(TOP),
                        "package " + e.getKey() + " refers to io.stui.server.StuiServer, which wires it");
            }
        }
    }

    @Test
    void theFrontKnowsSocketsAndFramesOnly() {
        assertEquals(Set.of(), dependencies().getOrDefault("front", Set.of()));
    }

    /** A path from {@code node} back to {@code start}, or an empty list. */
    private static List<String> cycleFrom(
            String start, String node, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
        path.add(node);
        for (String next : uses.getOrDefault(node, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                List<String> found = cycleFrom(start, next, uses, path, seen);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        path.removeLast();
        return List.of();
    }

    /** For each package of the server (its first name below io.stui.server), the other packages it refers to. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(file);
                String from = rel.getNameCount() == 1 ? TOP : rel.getName(0).toString();
                Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String name = m.group(1);
                        String target = Character.isUpperCase(name.charAt(0)) ? TOP : name;
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }
}
