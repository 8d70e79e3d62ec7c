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
            if (envelope && !params.has("context")) {
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
}
