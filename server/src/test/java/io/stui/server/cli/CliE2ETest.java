package io.stui.server.cli;

import static io.stui.server.cli.Launcher.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's client subcommands against a real server, and its helpers. */
class CliE2ETest {

    @TempDir
    Path dir;

    private StuiServer server() {
        return StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint",
                        "tcp://127.0.0.1:*",
                        "store",
                        dir.resolve("s.db").toString(),
                        "workers",
                        "1")));
    }

    @Test
    void callParsesValuesAsJsonWhenTheyParse() {
        JsonNode p = CallCommand.parameters(
                List.of("code=3 + 4", "n=42", "flag=true", "obj={\"a\":1}", "s=hello", "empty="));
        assertEquals("3 + 4", p.path("code").asText());
        assertTrue(p.path("n").isInt());
        assertTrue(p.path("flag").isBoolean());
        assertEquals(1, p.path("obj").path("a").asInt());
        assertEquals("hello", p.path("s").asText());
        assertEquals("", p.path("empty").asText());
    }

    @Test
    void callRefusesAKeyGivenTwiceAndJsonWithADuplicateKey() {
        IllegalArgumentException twice =
                assertThrows(IllegalArgumentException.class, () -> CallCommand.parameters(List.of("n=1", "n=2")));
        assertEquals("Parameter 'n' is given twice.", twice.getMessage());
        IllegalArgumentException duplicate = assertThrows(
                IllegalArgumentException.class, () -> CallCommand.parameters(List.of("obj={\"a\":1,\"a\":2}")));
        assertEquals("Parameter 'obj': Duplicate key 'a' in its JSON.", duplicate.getMessage());
        IllegalArgumentException deep = assertThrows(
                IllegalArgumentException.class, () -> CallCommand.parameters(List.of("a=" + "[".repeat(5000))));
        assertTrue(deep.getMessage().startsWith("Parameter 'a': "), deep.getMessage());
        // text that is not JSON at all is still a string
        assertEquals("{a", CallCommand.parameters(List.of("s={a")).path("s").asText());
    }

    /** The demo's Tonel package, copied out as a user's package directory would be. */
    private Path demoPackage() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("src").resolve("DemoCounter"));
        for (String name : List.of("package.st", "Counter.class.st", "CounterTest.class.st")) {
            try (var in = CliE2ETest.class.getResourceAsStream("/io/stui/server/demo/DemoCounter/" + name)) {
                Files.write(pkg.resolve(name), in.readAllBytes());
            }
        }
        return pkg;
    }

    @Test
    void loadAndTestSendTheUsersFilesToTheServersImage() throws Exception {
        Path pkg = demoPackage();
        try (StuiServer server = server()) {
            Object[] loaded = run("load", "--endpoint", server.endpoint(), pkg.toString());
            assertEquals(0, loaded[0], (String) loaded[1]);
            assertTrue(((String) loaded[1]).contains("Counter CounterTest"), (String) loaded[1]);
            Object[] used = run("eval", "--endpoint", server.endpoint(), "Counter new increment; count");
            assertEquals("1", ((String) used[1]).strip(), "the loaded class is in the image");

            Files.writeString(
                    pkg.resolve("CounterTest.class.st"),
                    Files.readString(pkg.resolve("CounterTest.class.st"))
                            + "\n{ #category : 'tests' }\nCounterTest >> testWrong [\n\n\tself assert: counter count equals: 9\n]\n");
            Object[] tested = run(
                    "test", "--endpoint", server.endpoint(), dir.resolve("src").toString());
            String[] lines = ((String) tested[1]).strip().split("\n");
            assertEquals(1, tested[0], (String) tested[1]);
            assertTrue(lines[0].startsWith("FAIL CounterTest>>#testWrong (line 3): "), lines[0]);
            assertEquals("4 passed, 1 failed", lines[lines.length - 1]);

            Object[] info = run("call", "--endpoint", server.endpoint(), "system_info");
            String imageId = new ObjectMapper()
                    .readTree((String) info[1])
                    .at("/result/info/image_id")
                    .asText();
            assertTrue(imageId.matches("[0-9a-f-]{36}"), (String) info[1]);
        }
    }

    @Test
    void callAndEvalTalkToAServer() throws Exception {
        try (StuiServer server = server()) {
            Object[] call = run(
                    "call",
                    "--endpoint",
                    server.endpoint(),
                    "evaluate",
                    "code=(1 to: 10) inject: 0 into: [:a :b | a + b]");
            assertEquals(0, call[0]);
            JsonNode answer = new ObjectMapper().readTree((String) call[1]);
            assertEquals("success", answer.path("status").asText());
            assertEquals("55", answer.path("result").path("result").asText());

            Object[] bad = run("call", "--endpoint", server.endpoint(), "get_session_info", "session_id=nope");
            assertEquals(1, bad[0]);
            assertEquals(
                    "SessionNotFound",
                    new ObjectMapper()
                            .readTree((String) bad[1])
                            .path("error_type")
                            .asText());

            Object[] created = run(
                    "call",
                    "--endpoint",
                    server.endpoint(),
                    "--encoding",
                    "envelope",
                    "create_session",
                    "client_id=cli");
            String sid = new ObjectMapper()
                    .readTree((String) created[1])
                    .path("result")
                    .path("session_id")
                    .asText();
            assertEquals(0, run("eval", "--endpoint", server.endpoint(), "--session", sid, "x := 6")[0]);
            Object[] eval = run(
                    "eval",
                    "--endpoint",
                    server.endpoint(),
                    "--session",
                    sid,
                    "Transcript show: 'x is ', x printString. x * 7");
            assertEquals(0, eval[0]);
            assertEquals("x is 6\n42\n", eval[1]);
        }
    }

    @Test
    void keygenWritesASecretKeyTheServerAccepts() throws Exception {
        Path key = dir.resolve("server.key");
        Object[] out = run("keygen", key.toString());
        assertEquals(0, out[0]);
        assertEquals(40, ((String) out[1]).strip().length());
        assertEquals(40, Files.readString(key).strip().length());
        assertTrue(
                ConfigLoader.load(Map.of(), Map.of("endpoint", "tcp://*:5555", "curve-secret-key-file", key.toString()))
                        .curveEnabled());
        assertEquals(2, run("keygen", key.toString())[0], "refuses to overwrite a key");
    }

    @Test
    void demoRunsItsScriptedSessionAndExitsZero() {
        Object[] out = run("demo");
        String text = (String) out[1];
        assertEquals(0, out[0], text);
        assertTrue(text.contains("\"command\" : \"save_context\""), text);
        assertTrue(text.contains("every exchange succeeded"), text);
    }

    @Test
    void serveExplainsAnEndpointInUseAndExitsOne() {
        try (StuiServer server = server()) {
            PrintStream savedErr = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Object[] out;
            try {
                out = run(
                        "serve",
                        "--endpoint",
                        server.endpoint(),
                        "--store",
                        dir.resolve("other.db").toString());
            } finally {
                System.setErr(savedErr);
            }
            assertEquals(1, out[0]);
            assertTrue(
                    err.toString(StandardCharsets.UTF_8).contains("Cannot bind " + server.endpoint()),
                    err.toString(StandardCharsets.UTF_8));
            assertEquals(
                    2,
                    run(
                            "serve",
                            "--endpoint",
                            "tcp://0.0.0.0:5555",
                            "--store",
                            dir.resolve("x.db").toString())[0],
                    "a non-loopback bind without CURVE or --insecure is refused");
        }
    }

    @Test
    void replReadsPipedInputWithMultiLineStatementsInOneSession() {
        try (StuiServer server = server()) {
            java.io.InputStream savedIn = System.in;
            System.setIn(new java.io.ByteArrayInputStream("""
                    x := 3
                    x + 4
                    [:a |
                      a * x] value: 5
                    1 / 0
                    Transcript show: 'bye'. x
                    :quit
                    x
                    """.getBytes(StandardCharsets.UTF_8)));
            Object[] out;
            try {
                out = run("repl", "--endpoint", server.endpoint(), "--client-id", "repl-test");
            } finally {
                System.setIn(savedIn);
            }
            assertEquals(0, out[0]);
            String[] lines = ((String) out[1]).split("\n");
            assertEquals("3", lines[0]);
            assertEquals("7", lines[1]);
            assertEquals("15", lines[2]);
            assertTrue(lines[3].startsWith("EvaluationError: ZeroDivide"), lines[3]);
            assertEquals("bye", lines[4]);
            assertEquals("3", lines[5]);
            assertEquals(6, lines.length, "nothing after :quit");
        }
    }

    @Test
    void stEvaluatesLocallyAndAnswersTheEvaluatorsExitCode() {
        Object[] ok = run("st", "3 + 4", "x := 6. x * 7");
        assertEquals(0, ok[0]);
        assertEquals(List.of("7", "42"), List.of(((String) ok[1]).split("\n")));

        Object[] failed = run("st", "-q", "1/0", "2 + 2");
        assertEquals(1, failed[0], "a failed chunk makes the exit code 1");
        assertEquals(List.of("Error: ZeroDivide: ZeroDivide", "4"), List.of(((String) failed[1]).split("\n")));

        PrintStream savedErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, run("st")[0], "nothing to evaluate is bad usage");
        } finally {
            System.setErr(savedErr);
        }
    }

    @Test
    void testLoadsATonelPackageAndRunsItsTests() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("Demo-Tests"));
        Files.writeString(pkg.resolve("package.st"), "Package { #name : 'Demo-Tests' }\n");
        Files.writeString(pkg.resolve("DemoTest.class.st"), """
                Class { #name : 'DemoTest', #superclass : 'TestCase', #package : 'Demo-Tests' }

                DemoTest >> testSum [ self assert: 3 + 4 equals: 7 ]

                DemoTest >> testWrong [ self assert: 3 + 4 equals: 8 ]
                """);
        Object[] r = run("test", pkg.toString());
        assertEquals(1, r[0], "a failed test makes the exit code 1");
        List<String> lines = List.of(((String) r[1]).split("\n"));
        assertEquals("FAIL DemoTest>>#testWrong (line 1): Got 7 instead of 8.", lines.get(0));
        assertEquals("1 passed, 1 failed", lines.get(lines.size() - 1));
    }
}
