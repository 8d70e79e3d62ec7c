package io.stui.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.store.SessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionManagerTest {
    /** The documented default of context-retention-days (30). */
    private static final Duration RETENTION = ServerConfig.defaults().sessions().contextRetention();

    @TempDir
    Path dir;

    SessionStore store;
    KeyedSerialExecutor lanes = new KeyedSerialExecutor(1, 10, 10, 1 << 20);
    MutableClock clock = new MutableClock(1_700_000_000_000L);

    @BeforeEach
    void open() {
        store = SessionStore.open(dir.resolve("s.db"));
    }

    @AfterEach
    void closeStore() {
        lanes.close();
        store.close();
    }

    private SessionManager manager(List<String> allow, List<String> deny) {
        return new SessionManager(
                store,
                clock,
                new ServerConfig.Sessions(5, Duration.ofSeconds(3600), Duration.ofMinutes(5), allow, deny, RETENTION),
                1000,
                lanes);
    }

    @Test
    void limitsSessionsPerClientAndFreesASlotOnClose() {
        SessionManager m = manager(List.of(), List.of());
        List<LiveSession> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(m.create("alice"));
        }
        SessionException e = assertThrows(SessionException.class, () -> m.create("alice"));
        assertEquals(SessionException.Reason.LIMIT, e.reason());
        assertTrue(e.getMessage().contains("limit 5"), e.getMessage());
        m.create("bob");
        m.close(mine.getFirst().id());
        m.create("alice");
        assertEquals(5, m.listClient("alice").size());
        assertEquals(1, m.listClient("bob").size());
        assertEquals(2, m.activeClients());
    }

    @Test
    void idsAre128RandomBitsAndNeverRepeat() {
        SessionManager m = new SessionManager(
                store,
                clock,
                new ServerConfig.Sessions(
                        10_000, Duration.ofSeconds(3600), Duration.ofMinutes(5), List.of(), List.of(), RETENTION),
                1000,
                lanes);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = m.create("c" + (i % 100)).id();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            ids.add(id);
        }
        assertEquals(500, ids.size());
    }

    @Test
    void sessionsExpireAfterIdleTimeoutAndAccessExtendsThem() {
        SessionManager m = manager(List.of(), List.of());
        LiveSession idle = m.create("alice");
        LiveSession busy = m.create("alice");
        clock.advanceSeconds(3000);
        m.get(busy.id());
        assertEquals(600, idle.secondsUntilExpiry(clock.millis()));
        clock.advanceSeconds(600);
        SessionException e = assertThrows(SessionException.class, () -> m.get(idle.id()));
        assertEquals(SessionException.Reason.NOT_FOUND, e.reason());
        assertEquals(
                "Session not found: " + idle.id() + " (unknown, closed or expired); create a new one.", e.getMessage());
        assertEquals(1, m.sweep(Long.MAX_VALUE).expired());
        assertTrue(idle.isEnded());
        assertEquals(List.of(busy), m.live());
        assertEquals(busy.id(), m.get(busy.id()).id());
        assertEquals(2, store.loadSessions().size(), "the expired session stays restorable for its retention");
    }

    @Test
    void anExpiredSessionIsRestorableUntilItsRetentionEnds() {
        SessionManager m = manager(List.of(), List.of());
        LiveSession idle = m.create("alice");
        m.updateState(
                idle.id(),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("tab", "Inspector"));
        clock.advanceSeconds(3601);
        assertEquals(1, m.sweep(Long.MAX_VALUE).expired());
        assertEquals(
                SessionException.Reason.NOT_FOUND,
                assertThrows(SessionException.class, () -> m.get(idle.id())).reason(),
                "expired: not live");
        LiveSession back = m.revive(idle.id());
        assertEquals("Inspector", back.state().path("tab").asText(), "restore_session brings it back with its state");
        assertEquals(back, m.get(idle.id()));

        clock.advanceSeconds(3601);
        m.sweep(Long.MAX_VALUE);
        clock.advanceSeconds(RETENTION.toSeconds());
        m.sweep(Long.MAX_VALUE);
        assertEquals(
                SessionException.Reason.NOT_FOUND,
                assertThrows(SessionException.class, () -> m.revive(idle.id())).reason(),
                "after the retention period it is gone");
        assertEquals(0, store.loadSessions().size());
    }

    @Test
    void allowAndDenyListsAreGlobsAndDenyWins() {
        SessionManager m = manager(List.of("ide-*", "ops"), List.of("ide-evil*"));
        m.create("ide-7");
        m.create("ops");
        assertEquals(
                SessionException.Reason.PERMISSION_DENIED,
                assertThrows(SessionException.class, () -> m.create("stranger")).reason());
        assertEquals(
                SessionException.Reason.PERMISSION_DENIED,
                assertThrows(SessionException.class, () -> m.create("ide-evil-1"))
                        .reason());
    }

    @Test
    void rejectsMissingOrMalformedClientIds() {
        SessionManager m = manager(List.of(), List.of());
        assertEquals(
                SessionException.Reason.INVALID_REQUEST,
                assertThrows(SessionException.class, () -> m.create(null)).reason());
        assertEquals(
                SessionException.Reason.INVALID_REQUEST,
                assertThrows(SessionException.class, () -> m.create("a b")).reason());
        assertEquals(
                SessionException.Reason.INVALID_REQUEST,
                assertThrows(SessionException.class, () -> m.create("x".repeat(129)))
                        .reason());
    }

    @Test
    void stateAndSessionsSurviveARestartAndExpiredOnesAreDropped() throws Exception {
        SessionManager m = manager(List.of(), List.of());
        LiveSession keep = m.create("alice");
        LiveSession old = m.create("alice");
        m.updateState(keep.id(), new ObjectMapper().readTree("{\"open_tabs\":[\"a\",\"b\"]}"));
        clock.advanceSeconds(1800);
        m.get(keep.id());
        m.close();
        clock.advanceSeconds(1900);
        SessionManager again = manager(List.of(), List.of());
        assertEquals(1, again.sessionCount());
        LiveSession back = again.get(keep.id());
        assertEquals("{\"open_tabs\":[\"a\",\"b\"]}", back.state().toString());
        assertEquals(
                SessionException.Reason.NOT_FOUND,
                assertThrows(SessionException.class, () -> again.get(old.id())).reason());
    }

    @Test
    void stateMustBeAnObjectAndClientsAreIsolated() throws Exception {
        SessionManager m = manager(List.of(), List.of());
        LiveSession a = m.create("alice");
        LiveSession b = m.create("bob");
        assertEquals(
                SessionException.Reason.INVALID_REQUEST,
                assertThrows(SessionException.class, () -> m.updateState(a.id(), new ObjectMapper().readTree("[1]")))
                        .reason());
        assertEquals(
                List.of(a.id()),
                m.listClient("alice").stream().map(LiveSession::id).toList());
        assertNotEquals(a.id(), b.id());
        assertEquals(
                SessionException.Reason.NOT_FOUND,
                assertThrows(SessionException.class, () -> m.get("0".repeat(32)))
                        .reason());
        assertEquals(
                SessionException.Reason.NOT_FOUND,
                assertThrows(SessionException.class, () -> m.get("'; drop table"))
                        .reason());
    }
}
