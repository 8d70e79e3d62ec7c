package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.errorMessage;
import static io.stui.server.e2e.Requests.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16, item 3: one session cannot take the shared heap. A server as {@code stui serve} runs it (256 MiB heap,
 * the default {@code session-memory-limit} of 64 MiB): a session hoarding 60 MB values fails in its own session with
 * a clear error, while another session's work, the hoarder's {@code save_context}, freeing and a graceful stop all
 * go on; after the restart the other session's acknowledged changes are there and the restored hoarder is accounted.
 */
class SessionMemoryE2ETest {

    @TempDir
    Path dir;

    private static final String HOARD = "ByteArray new: 60000000";

    @Test
    void aHoarderFailsInItsOwnSessionAndEveryoneElseGoesOnThroughAStopAndARestart() throws Exception {
        int port = ChildServer.freePort();
        ClientOptions opts = ClientOptions.defaults("tcp://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(60))
                .withTries(1);
        String hoarder;
        String other;
        try (StuiClient client = StuiClient.connect(opts)) {
            try (ChildServer first = ChildServer.start(FrontMode.FAST, dir, port, "--autosave-delay-ms", "60000")) {
                hoarder = client.createSession("hoarder").sessionId();
                other = client.createSession("bystander").sessionId();
                client.evaluate("kept := 'acknowledged before the stop'", other);

                client.evaluate("h1 := " + HOARD + ". h1 size", hoarder);
                StuiException refused = refused(() -> client.evaluate("h2 := " + HOARD + ". h2 size", hoarder));
                assertEquals("MemoryLimitExceeded", refused.details().get("error_class"));
                assertTrue(
                        refused.getMessage()
                                .contains("this session holds about 57.2 MiB of objects and may hold"
                                        + " 64.0 MiB (setting session-memory-limit)"),
                        refused.getMessage());

                // the other session allocates as before, and the hoarder still answers
                assertEquals(
                        "10000000",
                        client.evaluate("(String new: 10000000) size", other).result());
                assertTrue(client.saveContext(hoarder).variables().contains("h1"));

                // the same refusal in the envelope encoding
                try (ZContext ctx = new ZContext();
                        Wire w = new Wire(ctx, Wire.Kind.REQ, first.endpoint)) {
                    JsonNode a = w.call(Requests.envelope(
                            "env-1", "Evaluate", params("context", hoarder, "code", "h2 := " + HOARD + ". 0")));
                    assertEquals("EvaluationError", errorCode(a));
                    assertTrue(errorMessage(a).contains("MemoryLimitExceeded"), errorMessage(a));
                    assertEquals(
                            "MemoryLimitExceeded",
                            a.path("payload")
                                    .path("data")
                                    .path("data")
                                    .path("details")
                                    .path("error_class")
                                    .asText());
                }

                // freeing lets it allocate again: it now holds 60 MB in h2, at its limit for the stop below
                client.evaluate("h1 := nil", hoarder);
                assertEquals(
                        "60000000",
                        client.evaluate("h2 := " + HOARD + ". h2 size", hoarder).result());

                // the default image has the same kind of limit
                client.evaluate("img := " + HOARD + ". 0");
                StuiException image = refused(() -> client.evaluate("img2 := " + HOARD + ". 0"));
                assertTrue(image.getMessage().contains("the default image holds about"), image.getMessage());
                client.evaluate("img := nil");

                int code = first.terminate();
                assertTrue(code == 0 || code == 143, "exit code " + code);
                String out = first.output();
                assertTrue(out.contains("event=server_stopped"), out);
            }
            try (ChildServer second = ChildServer.start(FrontMode.FAST, dir, port)) {
                assertEquals(
                        "'acknowledged before the stop'",
                        client.evaluate("kept", other).result());
                // revived from its newest context (saved with h1, or saved at the stop with h2): 60 MB either way
                StuiException restored = refused(() -> client.evaluate("h3 := " + HOARD + ". 0", hoarder));
                assertEquals("MemoryLimitExceeded", restored.details().get("error_class"));
            }
        }
    }

    private static StuiException refused(Executable call) {
        StuiException e = org.junit.jupiter.api.Assertions.assertThrows(StuiException.class, call);
        assertEquals(ErrorCode.EVALUATION_ERROR, e.code(), e.getMessage());
        return e;
    }
}
