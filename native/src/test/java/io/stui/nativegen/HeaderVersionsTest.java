package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generator for every zmq.h from 4.2 on, run through clang: two header fragments written here in the
 * shape of each version's declarations (4.2: no timers, no {@code zmq_fd_t}; 4.3: both, and a draft block
 * under {@code ZMQ_BUILD_DRAFT_API}), the draft API generated only when the macro is defined, and one
 * include list used across both. Skipped when clang is missing, like the freshness check.
 */
class HeaderVersionsTest {

    private static final String CLANG = System.getProperty("stui.clang", "clang");

    /** What both versions share: the export macro, the version macros, a message and a poll item. */
    private static final String COMMON = """
        #ifndef FRAGMENT_ZMQ_H
        #define FRAGMENT_ZMQ_H
        #include <stddef.h>
        #define ZMQ_EXPORT
        #define ZMQ_MAKE_VERSION(major, minor, patch) ((major) *10000 + (minor) *100 + (patch))
        #define ZMQ_VERSION ZMQ_MAKE_VERSION (ZMQ_VERSION_MAJOR, ZMQ_VERSION_MINOR, ZMQ_VERSION_PATCH)
        #define ZMQ_HAUSNUMERO 156384712
        #define ETERM (ZMQ_HAUSNUMERO + 53)
        #define ZMQ_PAIR 0
        #define ZMQ_DONTWAIT 1
        typedef struct zmq_msg_t
        {
            unsigned char _[64] __attribute__ ((aligned (sizeof (void *))));
        } zmq_msg_t;
        ZMQ_EXPORT void *zmq_ctx_new (void);
        ZMQ_EXPORT void *zmq_socket (void *, int type_);
        ZMQ_EXPORT int zmq_msg_init (zmq_msg_t *msg_);
        """;

    /** Shaped like 4.2.x: the poll item's fd is a plain int, no timers, a draft block of its own. */
    static final String V42 = """
        #define ZMQ_VERSION_MAJOR 4
        #define ZMQ_VERSION_MINOR 2
        #define ZMQ_VERSION_PATCH 5
        """ + COMMON + """
        typedef struct zmq_pollitem_t
        {
            void *socket;
            int fd;
            short events;
            short revents;
        } zmq_pollitem_t;
        #ifdef ZMQ_BUILD_DRAFT_API
        #define ZMQ_SERVER 12
        ZMQ_EXPORT void *zmq_poller_new (void);
        #endif
        #endif
        """;

    /** Shaped like 4.3.x: zmq_fd_t, the timer API and ZMQ_ROUTER_NOTIFY stable, a larger draft block. */
    static final String V43 = """
        #define ZMQ_VERSION_MAJOR 4
        #define ZMQ_VERSION_MINOR 3
        #define ZMQ_VERSION_PATCH 4
        """ + COMMON + """
        typedef int zmq_fd_t;
        typedef struct zmq_pollitem_t
        {
            void *socket;
            zmq_fd_t fd;
            short events;
            short revents;
        } zmq_pollitem_t;
        #define ZMQ_ROUTER_NOTIFY 97
        typedef void (zmq_timer_fn) (int timer_id, void *arg);
        ZMQ_EXPORT void *zmq_timers_new (void);
        ZMQ_EXPORT int zmq_timers_add (void *timers, size_t interval, zmq_timer_fn handler, void *arg);
        #ifdef ZMQ_BUILD_DRAFT_API
        #define ZMQ_SERVER 12
        #define ZMQ_RADIO 14
        typedef struct zmq_poller_event_t
        {
            void *socket;
            zmq_fd_t fd;
            void *user_data;
            short events;
        } zmq_poller_event_t;
        ZMQ_EXPORT void *zmq_poller_new (void);
        ZMQ_EXPORT int zmq_poller_wait (void *poller, zmq_poller_event_t *event, long timeout);
        #endif
        #endif
        """;

    @TempDir
    static Path temp;

    private static Path v42;
    private static Path v43;

    @BeforeAll
    static void writeFragments() throws IOException {
        assumeTrue(new ClangRunner(CLANG).available(), "clang is missing (" + CLANG + " --version failed)");
        v42 = Files.writeString(Files.createDirectories(temp.resolve("4.2")).resolve("zmq.h"), V42);
        v43 = Files.writeString(Files.createDirectories(temp.resolve("4.3")).resolve("zmq.h"), V43);
    }

    private static Map<String, String> generate(Path header, GenerationOptions options) throws IOException {
        return Main.generate(GeneratorConfig.zmq(), header.toString(), CLANG, null, null, options);
    }

    private static String headerClass(Map<String, String> files) {
        return files.get("zmq_h.java");
    }

    @Test
    void theDraftApiIsGeneratedOnlyWhenItsMacroIsDefined() throws IOException {
        Map<String, String> stable = generate(v43, GenerationOptions.ALL);
        Map<String, String> draft = generate(v43, GenerationOptions.ALL.define("ZMQ_BUILD_DRAFT_API"));

        assertFalse(headerClass(stable).contains("zmq_poller_new"), "no draft function without the macro");
        assertFalse(headerClass(stable).contains("ZMQ_RADIO"), "no draft constant without the macro");
        assertFalse(stable.containsKey("zmq_poller_event_t.java"), "no draft struct without the macro");
        assertTrue(headerClass(stable).startsWith("// Generated by io.stui.nativegen from zmq.h 4.3.4. Do not"));

        assertTrue(headerClass(draft).contains("public static MemorySegment zmq_poller_new()"));
        assertTrue(headerClass(draft).contains("public static int zmq_poller_wait(MemorySegment poller,"));
        assertTrue(headerClass(draft).contains("public static int ZMQ_RADIO()"));
        assertTrue(draft.containsKey("zmq_poller_event_t.java"));
        assertTrue(
                headerClass(draft)
                        .startsWith("// Generated by io.stui.nativegen from zmq.h 4.3.4 with -DZMQ_BUILD_DRAFT_API."),
                "the banner says the draft API is in");
        // The stable part is the same with or without the draft block.
        assertTrue(headerClass(draft).contains("public static MemorySegment zmq_timers_new()"));
        assertEquals(
                stable.get("zmq_msg_t.java").lines().skip(1).toList(),
                draft.get("zmq_msg_t.java").lines().skip(1).toList());

        compiles(stable, "stable");
        compiles(draft, "draft");
    }

    @Test
    void eachVersionGetsWhatItDeclares() throws IOException {
        Map<String, String> old = generate(v42, GenerationOptions.ALL);
        Map<String, String> current = generate(v43, GenerationOptions.ALL);

        assertTrue(headerClass(old).contains("zmq.h 4.2.5"));
        assertFalse(headerClass(old).contains("zmq_timers_new"), "4.2 has no timers");
        assertFalse(headerClass(old).contains("zmq_fd_t"), "4.2 has no zmq_fd_t");
        assertFalse(old.containsKey("zmq_timer_fn.java"));
        assertTrue(headerClass(current).contains("public static final OfInt zmq_fd_t = zmq_h.C_INT;"));
        assertTrue(current.containsKey("zmq_timer_fn.java"));
        // An int fd and a zmq_fd_t fd lay the poll item out alike.
        assertEquals(layoutLines(old.get("zmq_pollitem_t.java")), layoutLines(current.get("zmq_pollitem_t.java")));
        compiles(old, "old");
    }

    private static List<String> layoutLines(String source) {
        return source.lines().filter(l -> l.contains("zmq_h.C_")).toList();
    }

    @Test
    void oneIncludeListServesEveryVersionWhenAbsentNamesAreAllowed() throws IOException {
        Set<String> functions = Set.of("zmq_ctx_new", "zmq_socket", "zmq_timers_new");
        Set<String> constants = Set.of("ZMQ_PAIR", "ZMQ_ROUTER_NOTIFY", "ETERM");
        GenerationOptions strict = new GenerationOptions(
                List.of(), Map.of(IncludeKind.FUNCTION, functions, IncludeKind.CONSTANT, constants), false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> generate(v42, strict));
        assertTrue(e.getMessage().contains("zmq.h 4.2.5 does not declare: zmq_timers_new"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-absent"), e.getMessage());

        GenerationOptions tolerant = new GenerationOptions(
                List.of(), Map.of(IncludeKind.FUNCTION, functions, IncludeKind.CONSTANT, constants), true);
        String old = headerClass(generate(v42, tolerant));
        assertTrue(old.contains("public static MemorySegment zmq_ctx_new()"));
        assertFalse(old.contains("zmq_timers_new"));
        assertFalse(old.contains("zmq_msg_init"), "not in the list");
        assertTrue(old.contains("public static int ETERM()"), "an included name outside ZMQ_* is generated");
        assertTrue(old.contains("public static int ZMQ_PAIR()"));
        assertFalse(old.contains("ZMQ_ROUTER_NOTIFY"), "4.2 lacks it");
        assertFalse(old.contains("ZMQ_DONTWAIT"), "not in the list");

        String current = headerClass(generate(v43, strict));
        assertTrue(current.contains("public static MemorySegment zmq_timers_new()"));
        assertTrue(current.contains("public static int ZMQ_ROUTER_NOTIFY()"));
    }

    @Test
    void aListWhoseNamesAreAllAbsentGeneratesNoneOfThem() throws IOException {
        GenerationOptions options = new GenerationOptions(
                List.of(),
                Map.of(
                        IncludeKind.FUNCTION,
                        Set.of("zmq_timers_new"),
                        IncludeKind.CONSTANT,
                        Set.of("ZMQ_ROUTER_NOTIFY")),
                true);
        String old = headerClass(generate(v42, options));
        assertFalse(old.contains("zmq_ctx_new"), "an emptied list is not 'everything'");
        assertFalse(old.contains("ZMQ_PAIR"));
    }

    @Test
    void theCommandLineTakesJextractsOptions() throws IOException {
        Path list = Files.writeString(temp.resolve("functions.txt"), "# both versions\nzmq_socket\nzmq_poller_new\n");
        Path out = temp.resolve("cli");
        Main.main(new String[] {
            "--header",
            v42.toString(),
            "--output",
            out.toString(),
            "--clang",
            CLANG,
            "-D",
            "ZMQ_BUILD_DRAFT_API",
            "--include-function",
            "@" + list,
            "--include-constant",
            "ZMQ_SERVER",
        });
        String header = Files.readString(out.resolve("io/stui/zmq/bindings/zmq_h.java"));
        assertTrue(header.contains("public static MemorySegment zmq_poller_new()"));
        assertTrue(header.contains("public static int ZMQ_SERVER()"));
        assertFalse(header.contains("zmq_ctx_new"));
    }

    @Test
    void aDefineIsANameOrANameWithAValue() {
        assertEquals(
                List.of("-DA", "-DB=2"),
                GenerationOptions.ALL.define("A").define("B=2").clangArguments());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GenerationOptions.ALL.define("A B"));
        assertTrue(e.getMessage().contains("'A B'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GenerationOptions.ALL.define("-o/tmp/x"));
    }

    /**
     * The installed zmq.h with the draft API, against the installed libzmq (Debian builds it without the
     * draft API): the header class loads and calls what the library has, and a draft function it lacks
     * fails only when called, naming the symbol, as jextract's output does.
     */
    @Test
    void draftFunctionsTheLibraryLacksFailOnlyWhenCalled() throws Throwable {
        Path installed = Path.of(System.getProperty("stui.zmq.header", "/usr/include/zmq.h"));
        assumeTrue(Files.isRegularFile(installed), installed + " is missing");
        GeneratorConfig zmq = GeneratorConfig.zmq();
        GeneratorConfig config = new GeneratorConfig(
                "draft.bindings",
                zmq.headerClassName(),
                zmq.headerFileName(),
                zmq.versionMacroPrefix(),
                zmq.libraryNames(),
                zmq.libraryProperty(),
                zmq.libraryDescription(),
                zmq.missingLibraryHint(),
                zmq.constantPrefixes(),
                zmq.extraConstants(),
                zmq.regenerateCommand());
        Map<String, String> files = Main.generate(
                config, installed.toString(), CLANG, null, null, GenerationOptions.ALL.define("ZMQ_BUILD_DRAFT_API"));
        assertTrue(headerClass(files).contains("zmq_poller_new"));
        ClassLoader loader = compiles(files, "installed-draft", "draft.bindings");
        boolean libraryHasIt;
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var lookup = java.lang.foreign.SymbolLookup.libraryLookup("libzmq.so.5", arena);
            libraryHasIt = lookup.find("zmq_poller_new").isPresent();
        } catch (IllegalArgumentException noLibrary) {
            assumeTrue(false, "libzmq is not installed: " + noLibrary.getMessage());
            return;
        }
        Class<?> h = loader.loadClass("draft.bindings.zmq_h");
        java.lang.reflect.Method poller = h.getMethod("zmq_poller_new");
        assumeTrue(!libraryHasIt, "the installed library is built with the draft API: no function is missing");
        // The stable functions work although the class declares functions the library lacks.
        Object ctx = h.getMethod("zmq_ctx_new").invoke(null);
        assertEquals(
                0,
                h.getMethod("zmq_ctx_term", java.lang.foreign.MemorySegment.class)
                        .invoke(null, ctx));
        InvocationTargetException missing = assertThrows(InvocationTargetException.class, () -> poller.invoke(null));
        UnsatisfiedLinkError error = assertInstanceOf(UnsatisfiedLinkError.class, missing.getCause());
        assertTrue(error.getMessage().contains("zmq_poller_new"), error.getMessage());
    }

    private static ClassLoader compiles(Map<String, String> files, String name) throws IOException {
        return compiles(files, name, GeneratorConfig.zmq().packageName());
    }

    /** Compiles generated files with every lint warning an error; returns a loader for them. */
    private static ClassLoader compiles(Map<String, String> files, String name, String pkg) throws IOException {
        Path src = Main.write(files, temp.resolve(name + "/src/" + pkg.replace('.', '/')));
        Path classes = Files.createDirectories(temp.resolve(name + "/classes"));
        List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "-d", classes.toString()));
        try (var stream = Files.list(src)) {
            stream.map(Path::toString).forEach(args::add);
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, rc, name + " must compile warning-free:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, HeaderVersionsTest.class.getClassLoader());
    }
}
