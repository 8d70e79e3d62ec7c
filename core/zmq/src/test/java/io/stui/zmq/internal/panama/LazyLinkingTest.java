package io.stui.zmq.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libzmq's downcall handles are linked group by group, when a program first uses a group: a fresh JVM
 * that only opens a context and a REQ socket, sends and receives (a command-line client) links the
 * socket, send and receive groups and no other (not the monitor, the proxy, forwarding, polling, option
 * reads...). Each handle spins classes at run time, so what a client does not link it does not pay for.
 * Checked through the child JVM's own class initialisation log.
 */
class LazyLinkingTest {

    /**
     * What a blocking client links, its wait for the reply included: anything added here is start-up every client
     * pays. The cold calls (Version, Sockets, SetOption, a receive's wait) go through SharedDowncall, one stub.
     */
    private static final Set<String> CLIENT_GROUPS =
            Set.of("SharedDowncall", "Version", "Sockets", "SetOption", "Send", "Receive");

    @Test
    void aClientThatSendsAndReceivesLinksOnlyTheGroupsItUses(@TempDir Path dir) throws Exception {
        Set<String> groups = holderGroups();
        assertTrue(groups.containsAll(CLIENT_GROUPS) && groups.contains("Waiting"), "Lib's holder classes: " + groups);

        Path initLog = dir.resolve("class-init.log");
        Path loadLog = dir.resolve("class-load.log");
        try (ZContext ctx = new ZContext(Backend.JEROMQ);
                ZSocket rep = ctx.createSocket(SocketType.REP)) {
            rep.setRcvTimeout(60_000);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                String request = rep.receiveString().orElse("(none)");
                rep.send("pong");
                return request;
            });
            Process child = new ProcessBuilder(
                            javaCommand(),
                            "--enable-native-access=ALL-UNNAMED",
                            "-Xlog:class+init=info:file=" + initLog,
                            "-Xlog:class+load=info:file=" + loadLog,
                            "-cp",
                            testClassPath(),
                            LazyLinkingProbe.class.getName(),
                            "tcp://127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the client JVM did not finish");
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("reply: pong"), output);
            assertEquals("ping", served.get(10, TimeUnit.SECONDS));
        }

        List<String> log = Files.readAllLines(initLog);
        Set<String> linked = new TreeSet<>(initialised(log, Lib.class.getName() + "$"));
        linked.retainAll(groups);
        assertEquals(new TreeSet<>(CLIENT_GROUPS), linked, "groups linked by a client; all groups: " + groups);
        // Lib links its handles from the bindings' addresses and descriptors: the bindings' own plain handles
        // (each function's Downcall holder) are never called, and must not be linked.
        Set<String> bindingHandles = new TreeSet<>(initialised(log, "io.stui.zmq.bindings.zmq_h$"));
        bindingHandles.removeIf(name -> !name.endsWith("$Downcall"));
        assertEquals(Set.of(), bindingHandles, "the bindings' own downcall handles linked by a client");
        // One stub per distinct (C signature, linker options) linked: the shared downcall and the four hot shapes
        // ((long)int for msg_init/close/more, send, msg_recv, msg_data). JDK 25 spins them as DowncallStub classes.
        long stubs = Files.readAllLines(loadLog).stream()
                .filter(line -> line.contains("jdk.internal.foreign.abi.DowncallStub"))
                .count();
        assertTrue(stubs <= 5, "downcall stubs a client spins: " + stubs);
    }

    /** The classes named {@code prefix...} a class initialisation log shows initialised, without the prefix. */
    private static Set<String> initialised(List<String> log, String prefix) {
        String logged = "Initializing '" + prefix.replace('.', '/');
        Set<String> names = new TreeSet<>();
        for (String line : log) {
            int at = line.indexOf(logged);
            if (at >= 0) {
                names.add(line.substring(at + logged.length(), line.indexOf('\'', at + logged.length())));
            }
        }
        return names;
    }

    /** Lib's nested classes that hold downcall handles or functions called through the shared one. */
    private static Set<String> holderGroups() {
        Set<String> groups = new TreeSet<>();
        for (Class<?> nested : Lib.class.getDeclaredClasses()) {
            boolean holdsHandles = Arrays.stream(nested.getDeclaredFields()).anyMatch(LazyLinkingTest::isStaticHandle);
            if (holdsHandles) {
                groups.add(nested.getSimpleName());
            }
        }
        return groups;
    }

    private static boolean isStaticHandle(Field f) {
        return Modifier.isStatic(f.getModifiers())
                && (f.getType() == MethodHandle.class || f.getType() == Lib.CFunction.class);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's classes for a child JVM's class path: Surefire puts the module under test on the module path. */
    private static String testClassPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path", "");
        return String.join(
                File.pathSeparator,
                List.of(modules, classes).stream().filter(s -> !s.isEmpty()).toList());
    }
}
