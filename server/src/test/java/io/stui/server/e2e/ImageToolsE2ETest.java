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
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE tools without a session work on the default image (issues #14, #15), in both encodings: code loaded
 * without a session is seen by senders, browsing and completion; methods compiled and classes defined without a
 * session are used by the next evaluation and survive a restart on the same store.
 */
class ImageToolsE2ETest {

    @TempDir
    Path dir;

    /** One encoding, no session: the envelope sends {@code context: null}, as the STUI client does. */
    private record Talk(Wire wire, boolean envelope) {
        JsonNode send(Command command, ObjectNode params) {
            String id = Requests.newId();
            if (envelope && !params.has("context") && !params.has("session_id")) {
                params.putNull("context");
            }
            return wire.call(
                    envelope
                            ? Requests.envelope(id, command.pascalName(), params)
                            : Requests.command(id, command.snakeName(), params));
        }

        JsonNode ok(Command command, ObjectNode params) {
            JsonNode answer = send(command, params);
            assertTrue(Requests.isSuccess(answer), answer.toString());
            return result(answer);
        }

        String eval(String code) {
            return ok(Command.EVALUATE, params("code", code)).path("result").asText();
        }

        String eval(String sessionId, String code) {
            return ok(Command.EVALUATE, params("code", code, "session_id", sessionId))
                    .path("result")
                    .asText();
        }

        String session() {
            return ok(Command.CREATE_SESSION, params("client_id", "layers-" + prefix()))
                    .path("session_id")
                    .asText();
        }

        String prefix() {
            return envelope ? "Env" : "Cmd";
        }
    }

    private static ArrayNode shapePackage(String cls) {
        ArrayNode files = Wire.JSON.createArrayNode();
        files.addObject().put("name", "Shapes/package.st").put("contents", "Package { #name : 'Shapes' }\n");
        files.addObject()
                .put("name", "Shapes/" + cls + ".class.st")
                .put(
                        "contents",
                        "Class {\n\t#name : '" + cls + "',\n\t#superclass : 'Object',\n\t#instVars : [ 'side' ],\n"
                                + "\t#category : 'Shapes',\n\t#package : 'Shapes'\n}\n\n"
                                + "{ #category : 'accessing' }\n" + cls + " >> side: n [\n\tside := n\n]\n\n"
                                + "{ #category : 'measuring' }\n" + cls
                                + " >> area [\n\t^ self timesItself: side\n]\n\n"
                                + "{ #category : 'measuring' }\n" + cls + " >> timesItself: n [\n\t^ n * n\n]\n");
        return files;
    }

    @Test
    void toolsWithoutASessionReadAndEditTheImageAndTheEditsSurviveARestart() throws Exception {
        Map<String, String> flags = Map.of("autosave-delay-ms", "20");
        try (ZContext ctx = new ZContext()) {
            try (StuiServer server = TestServers.start(FrontMode.FAST, dir, flags);
                    Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
                for (boolean envelope : new boolean[] {false, true}) {
                    Talk t = new Talk(w, envelope);
                    String cls = t.prefix() + "Square";
                    ObjectNode load = params();
                    load.set("files", shapePackage(cls));
                    t.ok(Command.LOAD_CODE, load);

                    JsonNode senders = t.ok(Command.SENDERS, params("selector", "timesItself:"));
                    assertTrue(
                            senders.path("items").toString().contains("\"" + cls + "\""),
                            "senders see what was loaded into the image: " + senders);
                    JsonNode browsed = t.ok(Command.BROWSE_CLASS, params("class_name", cls));
                    assertEquals("Shapes", browsed.at("/class_info/package").asText(), browsed.toString());
                    JsonNode completed = t.ok(Command.CODE_COMPLETION, params("code", t.prefix() + "Squ"));
                    assertTrue(
                            completed.path("candidates").toString().contains("\"" + cls + "\""),
                            "completion knows the image's classes: " + completed);

                    JsonNode compiled = t.ok(
                            Command.COMPILE_METHOD,
                            params("class_name", cls, "source", "double\n\t^ self area * 2", "category", "measuring"));
                    assertEquals("double", compiled.path("selector").asText(), compiled.toString());
                    assertEquals("18", t.eval("(" + cls + " new side: 3) double"), "evaluate uses the new method");
                    JsonNode broken = t.send(
                            Command.COMPILE_METHOD, params("class_name", cls, "source", "triple\n\t^ self area * "));
                    assertEquals("CompilationError", errorCode(broken), broken.toString());

                    String sub = t.prefix() + "Cube";
                    t.ok(Command.DEFINE_CLASS, params("name", sub, "superclass", cls, "instance_vars", "depth"));
                    t.ok(Command.COMPILE_METHOD, params("class_name", sub, "source", "volume\n\t^ self area * side"));
                    assertEquals("27", t.eval("(" + sub + " new side: 3) volume"));
                    assertTrue(t.ok(Command.REMOVE_METHOD, params("class_name", cls, "method_name", "timesItself:"))
                            .path("removed")
                            .asBoolean());
                    t.ok(Command.COMPILE_METHOD, params("class_name", cls, "source", "timesItself: n\n\t^ n * n"));
                    JsonNode hierarchy = t.ok(Command.CLASS_HIERARCHY, params("class_name", cls));
                    assertTrue(hierarchy.path("subclasses").toString().contains(sub), hierarchy.toString());
                }
            }
            // closing saves the image; a new server on the same store finds every edit
            try (StuiServer server = TestServers.start(FrontMode.PLAIN, dir, flags);
                    Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
                for (boolean envelope : new boolean[] {false, true}) {
                    Talk t = new Talk(w, envelope);
                    assertEquals("18", t.eval("(" + t.prefix() + "Square new side: 3) double"));
                    assertEquals("27", t.eval("(" + t.prefix() + "Cube new side: 3) volume"));
                    JsonNode m = t.ok(
                            Command.GET_METHOD, params("class_name", t.prefix() + "Square", "method_name", "double"));
                    assertEquals("measuring", m.at("/method/category").asText(), m.toString());
                    assertTrue(t.ok(Command.REMOVE_CLASS, params("class_name", t.prefix() + "Cube"))
                            .path("removed")
                            .asBoolean());
                    assertEquals(
                            "ClassNotFound",
                            errorCode(t.send(Command.BROWSE_CLASS, params("class_name", t.prefix() + "Cube"))));
                    assertFalse(t.eval(t.prefix() + "Square name").isEmpty());
                }
            }
        }
    }

    @Test
    void sessionsArePrivateLayersOverTheImage() throws Exception {
        Map<String, String> flags = Map.of("autosave-delay-ms", "20");
        String[] sessions = new String[2];
        try (ZContext ctx = new ZContext()) {
            try (StuiServer server = TestServers.start(FrontMode.FAST, dir, flags);
                    Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
                Talk image = new Talk(w, false);
                ObjectNode load = params();
                load.set("files", shapePackage("Tile"));
                image.ok(Command.LOAD_CODE, load);
                for (int i = 0; i < 2; i++) {
                    Talk t = new Talk(w, i == 1);
                    String sid = t.session();
                    sessions[i] = sid;
                    assertEquals("9", t.eval(sid, "(Tile new side: 3) area"), "a session sees the image's classes");
                    t.ok(
                            Command.COMPILE_METHOD,
                            params("class_name", "Tile", "source", "perimeter\n\t^ side * 4", "session_id", sid));
                    t.ok(Command.DEFINE_CLASS, params("name", t.prefix() + "Own", "session_id", sid));
                    assertEquals("12", t.eval(sid, "(Tile new side: 3) perimeter"));
                    assertEquals(
                            "false",
                            image.eval("Tile new respondsTo: #perimeter"),
                            "what a session compiles stays in it");
                    assertEquals(
                            "ClassNotFound",
                            errorCode(image.send(Command.BROWSE_CLASS, params("class_name", t.prefix() + "Own"))));
                }
                Talk cmd = new Talk(w, false);
                Talk env = new Talk(w, true);
                assertEquals(
                        "ClassNotFound",
                        errorCode(env.send(
                                Command.BROWSE_CLASS, params("class_name", "CmdOwn", "session_id", sessions[1]))),
                        "nor does another session see it");
                // the image changes: sessions see it at their next request
                image.ok(Command.COMPILE_METHOD, params("class_name", "Tile", "source", "area\n\t^ side * side * 10"));
                assertEquals("90", cmd.eval(sessions[0], "(Tile new side: 3) area"));
                JsonNode implementors =
                        env.ok(Command.IMPLEMENTORS, params("selector", "timesItself:", "session_id", sessions[1]));
                assertTrue(implementors.path("items").toString().contains("Tile"), implementors.toString());
                JsonNode senders =
                        env.ok(Command.SENDERS, params("selector", "timesItself:", "session_id", sessions[1]));
                assertEquals(0, senders.path("total_count").asInt(), "the image's area no longer sends it: " + senders);
            }
            // each session's snapshot holds its own layer; after a restart it sees the image as it is now
            try (StuiServer server = TestServers.start(FrontMode.PLAIN, dir, flags);
                    Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
                Talk image = new Talk(w, false);
                image.ok(Command.COMPILE_METHOD, params("class_name", "Tile", "source", "area\n\t^ side * side * 100"));
                for (int i = 0; i < 2; i++) {
                    Talk t = new Talk(w, i == 1);
                    assertEquals("12", t.eval(sessions[i], "(Tile new side: 3) perimeter"));
                    assertEquals("900", t.eval(sessions[i], "(Tile new side: 3) area"));
                    assertEquals("true", t.eval(sessions[i], t.prefix() + "Own new class == " + t.prefix() + "Own"));
                }
                assertEquals("false", image.eval("Tile new respondsTo: #perimeter"));
            }
        }
    }

    @Test
    void defineClassTakesATraitCompositionInTheImageAndInASession() throws Exception {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, Map.of());
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            Talk image = new Talk(w, false);
            image.eval("Trait named: #TGreets uses: {} package: 'Traits'."
                    + " TGreets compile: 'greet ^''hello'''. TGreets compile: 'wave ^''bye'''."
                    + " Trait named: #TCounts uses: {} package: 'Traits'. TCounts compile: 'one ^1'");
            for (boolean envelope : new boolean[] {false, true}) {
                Talk t = new Talk(w, envelope);
                String cls = t.prefix() + "Polite";
                JsonNode defined =
                        t.ok(Command.DEFINE_CLASS, params("name", cls, "traits", "TGreets - {#wave} + TCounts"));
                assertEquals(cls, defined.at("/class_info/name").asText(), defined.toString());
                assertEquals("'hello'", t.eval(cls + " new greet"));
                assertEquals("1", t.eval(cls + " new one"));
                assertEquals("false", t.eval(cls + " new respondsTo: #wave"));

                String sid = t.session();
                String own = t.prefix() + "SessionPolite";
                t.ok(
                        Command.DEFINE_CLASS,
                        params(
                                "definition",
                                "Object subclass: #" + own + " instanceVariableNames: '' classVariableNames: ''"
                                        + " package: 'Mine'",
                                "traits",
                                "TGreets",
                                "session_id",
                                sid));
                assertEquals("'bye'", t.eval(sid, own + " new wave"), "a session's class uses the image's trait");
                assertEquals("ClassNotFound", errorCode(t.send(Command.BROWSE_CLASS, params("class_name", own))));
                JsonNode bad = t.send(Command.DEFINE_CLASS, params("name", cls + "2", "traits", "NoSuchTrait"));
                assertEquals("InvalidRequest", errorCode(bad), bad.toString());
                assertEquals(
                        "ClassNotFound",
                        errorCode(t.send(Command.BROWSE_CLASS, params("class_name", cls + "2"))),
                        "a class whose traits fail is not left defined");
            }
        }
    }

    /**
     * The image is edited over one connection while a session evaluates over another: each session evaluation sees
     * the two methods one image request changed together, never one old and one new.
     */
    @Test
    void sessionEvaluationsSeeWholeImageChangesWhileTheImageIsEdited() throws Exception {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, Map.of());
                ZContext ctx = new ZContext();
                Wire imageWire = new Wire(ctx, Wire.Kind.REQ, server.endpoint());
                Wire sessionWire = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            Talk image = new Talk(imageWire, false);
            image.eval("Object subclass: #Pair instanceVariableNames: '' classVariableNames: '' package: 'P'."
                    + " Pair compile: 'a ^0'. Pair compile: 'b ^0'");
            Talk session = new Talk(sessionWire, true);
            String sid = session.session();
            int changes = 60;
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<?> editor = pool.submit(() -> {
                    try {
                        for (int i = 1; i <= changes; i++) {
                            image.eval("Pair compile: 'a ^" + i + "'. Pair compile: 'b ^" + i + "'");
                        }
                    } finally {
                        done.set(true);
                    }
                });
                long last = -1;
                boolean finalRound = false;
                while (!finalRound) {
                    finalRound = done.get(); // one more evaluation after the last change
                    String pair = session.eval(sid, "Pair new a printString , ' ' , Pair new b printString");
                    String[] ab = pair.replace("'", "").split(" ");
                    assertEquals(ab[0], ab[1], "a session saw half an image change: " + pair);
                    long now = Long.parseLong(ab[0]);
                    assertTrue(now >= last, "the image went back in time: " + last + " then " + now);
                    last = now;
                }
                editor.get();
                assertEquals(changes, last, "the session sees the image's last change");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
