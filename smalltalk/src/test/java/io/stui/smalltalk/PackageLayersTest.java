package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * The module's packages are layers, each using only the ones below it: syntax, then the object model, then the
 * interpreter, the compiler and the primitives, then the image, then the API and the command line. Reads the
 * sources (imports and fully qualified names alike), so a new upward reference fails here, naming the file.
 */
class PackageLayersTest {
    private static final String ROOT = "io.stui.smalltalk";
    private static final Path SOURCES = Path.of("src/main/java/io/stui/smalltalk");

    /**
     * Bottom first. The design puts interp, compiler and primitives on one level; among themselves they are
     * ordered too: the compiler builds interp's nodes, primitives compile methods and run blocks.
     */
    private static final List<String> LAYERS =
            List.of("syntax", "objects", "interp", "compiler", "primitives", "image", "", "cli");

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.stui\\.smalltalk((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    /** For each package of ours (relative name, "" for the API), the packages of ours its sources refer to. */
    private static Map<String, Map<String, Set<String>>> references() throws IOException {
        Map<String, Map<String, Set<String>>> refs = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 40, "sources not found under " + SOURCES.toAbsolutePath());
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher pm = PACKAGE.matcher(text);
            assertTrue(pm.find(), "no package declaration in " + f);
            String from = relative(pm.group(1));
            Matcher rm = REFERENCE.matcher(text);
            while (rm.find()) {
                String to = rm.group(1).isEmpty() ? "" : rm.group(1).substring(1);
                if (to.equals(from)) continue;
                refs.computeIfAbsent(from, k -> new TreeMap<>())
                        .computeIfAbsent(to, k -> new TreeSet<>())
                        .add(SOURCES.relativize(f).toString());
            }
            refs.computeIfAbsent(from, k -> new TreeMap<>());
        }
        return refs;
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    private static String name(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative;
    }

    @Test
    void everyPackageIsALayer() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String pkg : references().keySet()) if (!LAYERS.contains(pkg)) unknown.add(name(pkg));
        assertEquals(List.of(), unknown, "packages missing from PackageLayersTest.LAYERS: place them in a layer");
    }

    @Test
    void noPackageRefersToALayerAboveIt() throws IOException {
        List<String> upward = new ArrayList<>();
        references()
                .forEach((from, targets) -> targets.forEach((to, files) -> {
                    if (LAYERS.indexOf(to) > LAYERS.indexOf(from))
                        upward.add(name(from) + " -> " + name(to) + " in " + files);
                }));
        assertEquals(List.of(), upward);
    }

    @Test
    void packageReferencesHaveNoCycle() throws IOException {
        Map<String, Map<String, Set<String>>> refs = references();
        List<String> cycles = new ArrayList<>();
        for (String start : refs.keySet()) findCycle(start, refs, new ArrayList<>(), cycles);
        assertEquals(List.of(), cycles);
    }

    private static void findCycle(
            String pkg, Map<String, Map<String, Set<String>>> refs, List<String> path, List<String> cycles) {
        if (path.contains(pkg)) {
            // each cycle once: from its alphabetically first package
            if (path.get(0).equals(pkg) && path.stream().allMatch(p -> p.compareTo(pkg) >= 0)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(pkg);
                cycles.add(String.join(
                        " -> ", cycle.stream().map(PackageLayersTest::name).toList()));
            }
            return;
        }
        path.add(pkg);
        for (String next : refs.getOrDefault(pkg, Map.of()).keySet()) findCycle(next, refs, path, cycles);
        path.remove(path.size() - 1);
    }

    @Test
    void theLayerCheckSeesAnUpwardReference() {
        // the check must be able to fail: a reference from objects to interp is found and ranked upward
        Matcher m = REFERENCE.matcher("import io.stui.smalltalk.interp.Interp;");
        assertTrue(m.find());
        assertEquals("interp", m.group(1).substring(1));
        assertTrue(LAYERS.indexOf("interp") > LAYERS.indexOf("objects"));
        Matcher api = REFERENCE.matcher("io.stui.smalltalk.Reflection.HistoryEntry e;");
        assertTrue(api.find());
        assertEquals("", api.group(1));
    }
}
