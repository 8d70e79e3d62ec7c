package io.stui.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.request.Request;
import io.stui.protocol.result.EvaluateResult;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.metrics.ServerMetrics;
import io.stui.server.session.ClientPolicy;
import io.stui.server.session.SessionManager;
import io.stui.server.store.SessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine service on its own: parking idle workspaces keeps their state. */
class EngineServiceTest {

    @Test
    void parkedWorkspacesKeepTheirVariablesAndAreParkedOnce(@TempDir Path dir) throws Exception {
        ServerConfig cfg =
                ConfigLoader.load(Map.of(), Map.of("store", dir.resolve("s.db").toString()));
        try (SessionStore store = SessionStore.open(cfg.storePath());
                KeyedSerialExecutor lanes = new KeyedSerialExecutor(1, 10, 10, 64L << 20);
                ServerMetrics metrics = new ServerMetrics(() -> 0)) {
            SessionManager sessions = new SessionManager(
                    store, Clock.systemUTC(), 5, cfg.sessionTimeout(), new ClientPolicy(List.of(), List.of()));
            try (EngineService service =
                    new EngineService(new StuiServer.ServiceParts(cfg, store, sessions, metrics, lanes))) {
                String sid = sessions.create("parker").id();
                service.handler().handle(new Request.Evaluate("x := 41", sid, true));
                assertEquals(1, service.parkIdle(0));
                assertEquals(0, service.parkIdle(0), "already parked");
                CountDownLatch laneDrained = new CountDownLatch(1);
                assertTrue(lanes.submit(sid, laneDrained::countDown));
                assertTrue(laneDrained.await(10, TimeUnit.SECONDS));
                EvaluateResult r = (EvaluateResult) service.handler().handle(new Request.Evaluate("x + 1", sid, true));
                assertEquals("42", r.result());
                assertEquals(1, service.parkIdle(0), "used again, so parked again");
                assertEquals(0, service.parkIdle(60_000), "not idle for a minute");
            }
        }
    }
}
