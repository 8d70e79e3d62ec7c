package io.stui.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.store.SessionStore;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.server.workspace.Workspaces;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.SmalltalkEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live session owns its workspace: made on first use, parked by the sweep, closed when the session ends. */
class LiveSessionTest {

    @Test
    void parkedWorkspacesKeepTheirVariablesAndAreParkedOnce(@TempDir Path dir) throws Exception {
        try (SessionStore store = SessionStore.open(dir.resolve("s.db"));
                KeyedSerialExecutor lanes = new KeyedSerialExecutor(1, 10, 10, 64L << 20)) {
            SessionManager sessions = new SessionManager(
                    store,
                    Clock.systemUTC(),
                    new ServerConfig.Sessions(
                            5, Duration.ofHours(1), Duration.ofMinutes(5), List.of(), List.of(), Duration.ofDays(30)),
                    1000,
                    lanes);
            Workspaces workspaces = new Workspaces(SmalltalkEngine.boot(), store, Clock.systemUTC());
            LiveSession session = sessions.create("parker");
            assertEquals(0, sessions.sweep(0).parked(), "no workspace yet: nothing to park");
            SessionWorkspace sw = session.workspace(workspaces);
            assertSame(sw, session.workspace(workspaces), "one workspace per session");
            assertTrue(sw.workspace().evaluate("x := 41", EvalLimits.defaults()).ok());

            assertEquals(1, sessions.sweep(0).parked());
            assertEquals(0, sessions.sweep(0).parked(), "already parked");
            drain(lanes, session.lane());
            assertEquals(
                    "42",
                    session.workspace(workspaces)
                            .workspace()
                            .evaluate("x + 1", EvalLimits.defaults())
                            .printString());
            assertEquals(1, sessions.sweep(0).parked(), "used again, so parked again");
            assertEquals(0, sessions.sweep(60_000).parked(), "not idle for a minute");

            sessions.close(session.id());
            assertTrue(session.isEnded());
            assertTrue(sw.isEnded(), "the workspace ends with its session and is no longer saved");
            assertFalse(workspaces.saveIfDirty(session.id(), sw));
            assertEquals(List.of(), sessions.live());
            drain(lanes, session.lane());
        }
    }

    private static void drain(KeyedSerialExecutor lanes, KeyedSerialExecutor.Lane lane) throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        assertTrue(lanes.submit(lane, drained::countDown));
        assertTrue(drained.await(10, TimeUnit.SECONDS));
    }
}
