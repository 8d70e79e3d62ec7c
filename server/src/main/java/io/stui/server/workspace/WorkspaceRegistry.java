package io.stui.server.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.JsonText;
import io.stui.server.store.ContextKind;
import io.stui.server.store.SessionStore;
import io.stui.server.store.StoredContext;
import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live workspaces of the sessions, created on first use and revived from the store after a
 * restart (from the newer of the session's saved and auto-saved contexts). Also turns a workspace
 * into a {@link StoredContext} and back.
 *
 * <p>The map is thread-safe; each {@link SessionWorkspace} is used from its session's lane only.
 */
public final class WorkspaceRegistry {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceRegistry.class);

    private final SmalltalkEngine engine;
    private final SessionStore store;
    private final Clock clock;
    private final Map<String, SessionWorkspace> live = new ConcurrentHashMap<>();

    public WorkspaceRegistry(SmalltalkEngine engine, SessionStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /** The session's workspace: live, revived from the store, or new. */
    public SessionWorkspace get(String sessionId) {
        SessionWorkspace sw = live.computeIfAbsent(sessionId, this::revive);
        sw.parked(false);
        return sw;
    }

    /** The session's workspace if it is live. */
    public Optional<SessionWorkspace> peek(String sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    private SessionWorkspace revive(String sessionId) {
        Optional<StoredContext> stored = store.latestContext(sessionId);
        if (stored.isEmpty()) {
            return new SessionWorkspace(engine.newWorkspace());
        }
        StoredContext c = stored.get();
        try {
            SessionWorkspace sw = new SessionWorkspace(engine.restoreWorkspace(c.snapshot()));
            applyMeta(sw, c.meta());
            log.info(
                    "event=workspace_revived session_id={} from={} variables={}",
                    sessionId,
                    c.kind().name().toLowerCase(),
                    c.variables().size());
            return sw;
        } catch (RuntimeException e) {
            log.error("event=workspace_revive_failed session_id={} error=\"{}\"", sessionId, e.toString());
            return new SessionWorkspace(engine.newWorkspace());
        }
    }

    /** Replaces the live workspace with one rebuilt from a stored context. */
    public SessionWorkspace load(String sessionId, StoredContext c) {
        Workspace ws = engine.restoreWorkspace(c.snapshot());
        SessionWorkspace sw = live.get(sessionId);
        if (sw == null) {
            sw = new SessionWorkspace(ws);
            live.put(sessionId, sw);
        } else {
            sw.replace(ws);
            sw.forgetObjects();
        }
        applyMeta(sw, c.meta());
        return sw;
    }

    /** Builds a context of the workspace as it is now (call from the session's lane). */
    public StoredContext snapshot(String sessionId, SessionWorkspace sw, ContextKind kind) {
        Workspace ws = sw.workspace();
        byte[] bytes = ws.snapshot();
        List<String> vars =
                ws.variables().stream().map(Reflection.VariableInfo::name).toList();
        return new StoredContext(
                sessionId, kind, clock.millis(), bytes, vars, ws.history().size(), meta(sw));
    }

    /** Takes an auto-save snapshot if the workspace changed since its last save. */
    public Optional<StoredContext> autoSnapshot(String sessionId) {
        SessionWorkspace sw = live.get(sessionId);
        if (sw == null || !sw.isDirty()) {
            return Optional.empty();
        }
        StoredContext c = snapshot(sessionId, sw, ContextKind.AUTO);
        sw.markSaved();
        return Optional.of(c);
    }

    /** Durably saves every changed workspace (at shutdown, with the workers stopped). */
    public int saveAllDirty() {
        int saved = 0;
        for (var e : live.entrySet()) {
            if (e.getValue().isDirty()) {
                try {
                    store.saveContext(snapshot(e.getKey(), e.getValue(), ContextKind.AUTO));
                    e.getValue().markSaved();
                    saved++;
                } catch (RuntimeException ex) {
                    log.error("event=save_failed session_id={} error=\"{}\"", e.getKey(), ex.toString());
                }
            }
        }
        return saved;
    }

    /** Empties the server's side of a cleared workspace (selection and known object ids). */
    public void forgetObjects(SessionWorkspace sw) {
        sw.forgetObjects();
    }

    /** Ids of the sessions whose workspaces are live. */
    public java.util.Set<String> liveIds() {
        return java.util.Set.copyOf(live.keySet());
    }

    /** Forgets a session's workspace and returns it (for closing). */
    public Optional<SessionWorkspace> remove(String sessionId) {
        return Optional.ofNullable(live.remove(sessionId));
    }

    /** Closes every workspace's evaluation thread. */
    public void closeAll() {
        live.values().forEach(sw -> sw.workspace().close());
        live.clear();
    }

    private static String meta(SessionWorkspace sw) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("selected_object", sw.selectedObject());
        ObjectNode objects = n.putObject("objects");
        sw.knownObjects().forEach(objects::put);
        return JsonText.write(n);
    }

    private static void applyMeta(SessionWorkspace sw, String meta) {
        try {
            JsonNode n = JsonText.parse(meta);
            if (n.hasNonNull("selected_object")) {
                sw.select(n.get("selected_object").asText());
            }
            for (var it = n.path("objects").properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                String text = e.getValue().asText();
                int colon = text.indexOf(": ");
                sw.remember(
                        e.getKey(),
                        colon < 0 ? text : text.substring(0, colon),
                        colon < 0 ? "" : text.substring(colon + 2));
            }
        } catch (IOException e) {
            log.warn("event=context_meta_unreadable error=\"{}\"", e.getMessage());
        }
    }
}
