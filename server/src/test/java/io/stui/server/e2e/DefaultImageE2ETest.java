package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default image over real sockets, in both encodings: requests naming no session share one persistent
 * workspace (a class defined in one request is called, browsed and inspected in later ones, and is still there
 * after {@code kill -9} and a restart); {@code load_code} loads a Tonel package all or nothing and
 * {@code run_tests} runs its tests.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class DefaultImageE2ETest {

    final FrontMode mode;

    DefaultImageE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @TempDir
    Path dir;

    /** One client speaking one encoding, with no session: the envelope sends {@code context: null}, as STUI does. */
    private record Talk(Wire wire, boolean envelope) {
        JsonNode send(Command command, ObjectNode params) {
            String id = Requests.newId();
            if (envelope && !params.has("context")) {
                params.putNull("context");
            }
            return wire.call(
                    envelope
                            ? Requests.envelope(id, command.pascalName(), params)
                            : Requests.command(id, command.snakeName(), params));
        }

        JsonNode ok(Command command, ObjectNode params) {
            return result(send(command, params));
        }

        String eval(String code) {
            return ok(Command.EVALUATE, params("code", code)).path("result").asText();
        }
    }

    @Test
    void whatIsDefinedWithoutASessionPersistsAcrossRequestsAndKillNine() throws Exception {
        int port = ChildServer.freePort();
        String imageId;
        try (ZContext ctx = new ZContext()) {
            try (ChildServer first = ChildServer.start(mode, dir, port, "--autosave-delay-ms", "20")) {
                try (Wire w = new Wire(ctx, Wire.Kind.REQ, first.endpoint)) {
                    for (boolean envelope : new boolean[] {false, true}) {
                        Talk t = new Talk(w, envelope);
                        String cls = envelope ? "EnvGreeter" : "CmdGreeter";
                        assertEquals("3", t.eval("x := 3"));
                        assertEquals("7", t.eval("x + 4"), "a variable persists between session-less requests");
                        t.eval("Object subclass: #" + cls + " instanceVariableNames: 'name' classVariableNames: ''"
                                + " package: 'Greetings'");
                        t.eval(cls + " compile: 'greet: who ^ ''hello '', who' classified: 'greeting'");
                        assertEquals("'hello image'", t.eval(cls + " new greet: 'image'"));
                        JsonNode browsed = t.ok(Command.BROWSE_CLASS, params("class_name", cls));
                        assertEquals(cls, browsed.at("/class_info/name").asText());
                        assertEquals(
                                "greet:", browsed.at("/instance_methods/0/name").asText(), browsed.toString());
                        JsonNode method = t.ok(Command.GET_METHOD, params("class_name", cls, "method_name", "greet:"));
                        assertTrue(method.at("/method/source").asText().contains("hello"));
                        JsonNode listed = t.ok(Command.LIST_CLASSES, params("pattern", "*Greeter"));
                        assertTrue(listed.toString().contains(cls), listed.toString());
                        JsonNode inspected = t.ok(Command.INSPECT, params("target", cls + " new"));
                        assertEquals(
                                cls, inspected.at("/object_info/class_name").asText());
                    }
                    imageId = imageId(w);
                    // kill -9 loses at most the auto-save window: wait until the store holds the last definition
                    awaitSaved(w);
                }
                first.kill9();
            }
            try (ChildServer second = ChildServer.start(mode, dir, port);
                    Wire w = new Wire(ctx, Wire.Kind.DEALER, second.endpoint)) {
                for (boolean envelope : new boolean[] {false, true}) {
                    Talk t = new Talk(w, envelope);
                    assertEquals("'hello again'", t.eval("CmdGreeter new greet: 'again'"));
                    assertEquals("'hello again'", t.eval("EnvGreeter new greet: 'again'"));
                    assertEquals("7", t.eval("x + 4"));
                    assertEquals(
                            "Greetings",
                            t.ok(Command.BROWSE_CLASS, params("class_name", "EnvGreeter"))
                                    .at("/class_info/package")
                                    .asText());
                }
                assertEquals(imageId, imageId(w), "the image id belongs to the store and survives restarts");
            }
        }
    }

    private static String imageId(Wire w) {
        String id = result(w.call(Requests.command("i", "system_info", params())))
                .path("info")
                .path("image_id")
                .asText();
        assertFalse(id.isEmpty(), "system_info names the image");
        return id;
    }

    /** Asks system_info until the store holds every change made to the image (the auto-save delay is 20 ms). */
    private static void awaitSaved(Wire w) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode info = result(w.call(Requests.command("s", "system_info", params())))
                    .path("info");
            if (!info.path("image_unsaved_changes").asBoolean(true)
                    && info.path("image_saved_at").isTextual()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the image was not auto-saved within 30 s");
    }

    /** The DemoCounter package the demo loads, as {@code load_code}'s files. */
    static ArrayNode demoPackage() throws IOException {
        ArrayNode files = Wire.JSON.createArrayNode();
        for (String name : List.of("package.st", "Counter.class.st", "CounterTest.class.st")) {
            try (InputStream in =
                    DefaultImageE2ETest.class.getResourceAsStream("/io/stui/server/demo/DemoCounter/" + name)) {
                files.addObject()
                        .put("name", "DemoCounter/" + name)
                        .put("contents", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void aTonelPackageLoadsAndItsTestsRunOverTheWire() throws Exception {
        try (var server = TestServers.start(mode, dir, Map.of());
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            for (boolean envelope : new boolean[] {false, true}) {
                Talk t = new Talk(w, envelope);
                ObjectNode load = params();
                load.set("files", demoPackage());
                JsonNode loaded = t.ok(Command.LOAD_CODE, load);
                assertEquals(List.of("Counter", "CounterTest"), texts(loaded.path("classes_defined")));
                assertEquals(8, loaded.path("methods_defined").asInt(), loaded.toString());
                assertEquals("3", t.eval("Counter new increment; increment; increment; count"));

                JsonNode ran = t.ok(Command.RUN_TESTS, params("packages", "DemoCounter"));
                assertEquals(4, ran.path("passed").asInt(), ran.toString());
                assertEquals(0, ran.path("failed").asInt());
                assertEquals(0, ran.path("errors").asInt());
                assertEquals(0, ran.path("failures").size());

                // a failing test added to the image is reported with its message and line
                t.eval("CounterTest compile: 'testWrong\n\tself assert: Counter new count equals: 1' classified:"
                        + " 'tests'");
                JsonNode again = t.ok(Command.RUN_TESTS, params("classes", "Counter*"));
                assertEquals(4, again.path("passed").asInt(), again.toString());
                assertEquals(1, again.path("failed").asInt());
                JsonNode failure = again.path("failures").get(0);
                assertEquals("CounterTest", failure.path("class_name").asText());
                assertEquals("testWrong", failure.path("selector").asText());
                assertEquals("failure", failure.path("kind").asText());
                assertEquals(2, failure.path("line").asInt(), failure.toString());
                assertTrue(failure.path("message").asText().contains("1"), failure.toString());
                t.eval("CounterTest removeSelector: #testWrong");
            }
        }
    }

    @Test
    void aLoadWithASyntaxErrorLoadsNothingAndSaysWhere() throws Exception {
        try (var server = TestServers.start(mode, dir, Map.of());
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            for (boolean envelope : new boolean[] {false, true}) {
                Talk t = new Talk(w, envelope);
                ArrayNode files = demoPackage();
                files.addObject()
                        .put("name", "DemoCounter/Broken.class.st")
                        .put(
                                "contents",
                                "Class {\n\t#name : 'Broken',\n\t#superclass : 'Object',\n\t#package : 'DemoCounter'\n}\n\n"
                                        + "Broken >> oops [\n\t^ (1 + \n]\n");
                ObjectNode load = params();
                load.set("files", files);
                JsonNode answer = t.send(Command.LOAD_CODE, load);
                assertEquals("CompilationError", errorCode(answer), answer.toString());
                JsonNode details = envelope ? answer.at("/payload/data/data/details") : answer.path("details");
                assertEquals("DemoCounter/Broken.class.st", details.path("file").asText(), answer.toString());
                assertTrue(details.path("line").asInt() >= 7, answer.toString());
                assertTrue(details.path("column").asInt() >= 1, answer.toString());
                assertEquals(
                        "ClassNotFound",
                        errorCode(t.send(Command.BROWSE_CLASS, params("class_name", "Broken"))),
                        "all or nothing: no class of the failed load is defined");
                assertEquals("ClassNotFound", errorCode(t.send(Command.BROWSE_CLASS, params("class_name", "Counter"))));
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
