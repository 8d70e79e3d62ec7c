package io.stui.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.store.SessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owners, the per-owner quota, the policy over owners and the global cap of the session registry. */
class SessionOwnersTest {

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

    private SessionManager manager(List<String> allow, int maxSessions) {
        return new SessionManager(
                store,
                clock,
                new ServerConfig.Sessions(
                        2, Duration.ofSeconds(60), Duration.ofMinutes(5), allow, List.of(), Duration.ofDays(1)),
                maxSessions,
                lanes);
    }

    @Test
    void quotasAndPolicyCountOwnersNotClaimedClientIds() {
        SessionManager m = manager(List.of("trusted-*"), 100);
        m.create("any-1", "trusted-alice");
        m.create("any-2", "trusted-alice");
        SessionException full = assertThrows(SessionException.class, () -> m.create("any-3", "trusted-alice"));
        assertEquals(SessionException.Reason.LIMIT, full.reason());
        SessionException denied = assertThrows(SessionException.class, () -> m.create("trusted-evil", "mallory"));
        assertEquals(SessionException.Reason.PERMISSION_DENIED, denied.reason());
        assertEquals(1, m.listClient("any-1", "trusted-alice").size());
        assertEquals(0, m.listClient("any-1", "trusted-bob").size());
    }

    @Test
    void theGlobalCapCountsEveryOwner() {
        SessionManager m = manager(List.of(), 3);
        m.create("a", "a");
        m.create("b", "b");
        String c = m.create("c", "c").id();
        SessionException e = assertThrows(SessionException.class, () -> m.create("d", "d"));
        assertEquals(SessionException.Reason.LIMIT, e.reason());
        assertTrue(e.getMessage().contains("max-sessions") && e.getMessage().contains("3"), e.getMessage());
        m.close(c);
        m.create("d", "d");
    }

    @Test
    void ownersSurviveARestartAndStayKnownWhileRestorable() {
        SessionManager m = manager(List.of(), 10);
        String id = m.create("laptop", "alice").id();
        assertEquals(Optional.of("alice"), m.ownerOf(id, false));
        SessionManager restarted = manager(List.of(), 10);
        assertEquals(Optional.of("alice"), restarted.ownerOf(id, false));
        assertEquals("alice", restarted.peek(id).owner());
        // expired while down: no longer live, but restore_session still needs to know whose it is
        clock.advanceSeconds(120);
        SessionManager later = manager(List.of(), 10);
        assertEquals(Optional.empty(), later.ownerOf(id, false));
        assertEquals(Optional.of("alice"), later.ownerOf(id, true));
        assertEquals(Optional.empty(), later.ownerOf("0".repeat(32), true));
    }
}
