package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Session limits, allow/deny lists and expiry as a client sees them. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class SessionRulesE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    SessionRulesE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @Test
    void limitsPolicyAndExpiry(@TempDir Path dir) {
        try (StuiServer server = TestServers.start(
                        mode,
                        dir,
                        Map.of(
                                "max-sessions-per-client",
                                "2",
                                "session-timeout",
                                "1",
                                "cleanup-interval",
                                "1",
                                "allow-clients",
                                "ide-*",
                                "deny-clients",
                                "ide-banned*"));
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            assertEquals(
                    "PermissionDenied",
                    errorCode(w.call(command("1", "create_session", params("client_id", "stranger")))));
            assertEquals(
                    "PermissionDenied",
                    errorCode(w.call(command("2", "create_session", params("client_id", "ide-banned-7")))));
            String first = result(w.call(command("3", "create_session", params("client_id", "ide-1"))))
                    .path("session_id")
                    .asText();
            String second = result(w.call(command("4", "create_session", params("client_id", "ide-1"))))
                    .path("session_id")
                    .asText();
            assertEquals(
                    "SessionError", errorCode(w.call(command("5", "create_session", params("client_id", "ide-1")))));
            result(w.call(command("6", "create_session", params("client_id", "ide-2"))));
            // idle for the 1 s timeout: listing does not touch sessions, so they run out
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (result(w.call(command("l", "list_client_sessions", params("client_id", "ide-1"))))
                            .path("session_count")
                            .asInt()
                    > 0) {
                assertTrue(System.nanoTime() < deadline, "sessions did not expire");
            }
            // expired: gone for every command but restore_session, which revives it within the retention period
            assertEquals(
                    "SessionNotFound",
                    errorCode(w.call(command("7", "get_session_info", params("session_id", second)))));
            assertEquals(
                    first,
                    result(w.call(command("8", "restore_session", params("session_id", first))))
                            .path("session_id")
                            .asText());
            result(w.call(command("9", "create_session", params("client_id", "ide-1"))));
        }
    }
}
