package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.Request;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache for {@code stui serve}: scripts/train-serve-cache.sh trains it on a server of
 * its own, and a server started as the launcher starts it with that cache answers and takes its classes from it
 * (a cache the JVM rejects, for a flag that differs from the training's, is ignored without a word).
 */
@EnabledOnOs(OS.LINUX)
class ServeCacheTrainingTest {

    @Test
    void theTrainedCacheIsTheOneAServeLoadsItsClassesFrom(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent(); // the bench module's parent: the repository
        Path jar = root.resolve("server/target/stui.jar");
        Path cache = dir.resolve("serve.aot");
        Process training = new ProcessBuilder(
                        root.resolve("scripts/train-serve-cache.sh").toString(), cache.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile())
                .start();
        assertTrue(training.waitFor(5, TimeUnit.MINUTES), "training did not end");
        assertEquals(0, training.exitValue(), () -> read(dir.resolve("training.log")));
        assertTrue(Files.size(cache) > 1 << 20, "cache of " + Files.size(cache) + " bytes");

        // serve's profile as the launcher gives it with the cache: without -Xshare:off, which the cache refuses
        Path withoutXshare = dir.resolve("serve.jvm-options");
        Files.write(
                withoutXshare,
                Files.readAllLines(root.resolve("server/serve.jvm-options")).stream()
                        .filter(l -> !l.equals("-Xshare:off"))
                        .toList());
        String endpoint = "tcp://127.0.0.1:" + freePort();
        Path classes = dir.resolve("classes.txt");
        Process serve = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + withoutXshare,
                        "-XX:AOTCache=" + cache,
                        "-Xlog:class+load:file=" + classes,
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--endpoint",
                        endpoint,
                        "--store",
                        dir.resolve("s.db").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile())
                .start();
        try {
            assertTrue(answersPing(endpoint, serve), () -> read(dir.resolve("serve.log")));
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        String loaded = read(classes);
        assertTrue(
                loaded.contains("io.stui.server.StuiServer source: shared objects file"),
                "the server's classes did not come from the cache");
        assertTrue(!loaded.contains("picocli"), "serve's common line read with picocli");
    }

    private static boolean answersPing(String endpoint, Process serve) {
        byte[] ping = ClientCodec.INSTANCE.encode(Encoding.COMMAND, "cache-test", new Request.Ping(null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (ZContext context = new ZContext()) {
            while (System.nanoTime() < deadline && serve.isAlive()) {
                try (ZSocket req = context.createSocket(SocketType.REQ)) {
                    req.setLinger(0);
                    req.setRcvTimeout(200);
                    req.connect(endpoint);
                    req.send(ping);
                    if (req.receive()
                            .map(b -> ClientCodec.INSTANCE.decode(b).isSuccess())
                            .orElse(false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
