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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where session workspaces come from and go to: made new (each a private layer over the default image: it sees
 * the image's classes and globals plus its own, and its snapshot holds its own layer only), revived from the store after a restart
 * (from the newer of the session's saved and auto-saved contexts), turned into a {@link StoredContext}
 * and back. Holds no workspace itself: each belongs to its live session.
 */
public final class Workspaces {

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);

    private final SmalltalkEngine engine;
    private final SessionStore store;
    private final Clock clock;
    /** The workspace sessions are layered over (the default image's), or null: sessions over the bare kernel. */
    private final Workspace base;

    /** What each session's workspace may keep alive, bytes (0: no limit). */
    private final long memoryLimit;

    /** Sessions over the bare kernel, without a memory limit (tests). */
    public Workspaces(SmalltalkEngine engine, SessionStore store, Clock clock) {
        this(engine, store, clock, null, 0);
    }

    /**
     * Sessions as private layers over {@code base} (the default image's workspace; see {@link DefaultImage#base()}),
     * each holding at most {@code memoryLimit} bytes of objects (setting {@code session-memory-limit}; 0: no limit).
     */
    public Workspaces(SmalltalkEngine engine, SessionStore store, Clock clock, Workspace base, long memoryLimit) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.base = base;
        this.memoryLimit = memoryLimit;
    }

    private Workspace fresh() {
        return limited(base == null ? engine.newWorkspace() : engine.newLayer(base));
    }

    private Workspace restored(byte[] snapshot) {
        return limited(base == null ? engine.restoreWorkspace(snapshot) : engine.restoreLayer(base, snapshot));
    }

    /** Every session workspace, new, revived or loaded, gets the limit (a restored one is measured on first use). */
    private Workspace limited(Workspace ws) {
        ws.setMemoryLimit(memoryLimit, "this session", "session-memory-limit");
        return ws;
    }

    /** A session's workspace revived from its newest stored context, or a new one. */
    public SessionWorkspace revive(String sessionId) {
        Optional<StoredContext> stored = store.latestContext(sessionId);
        if (stored.isEmpty()) {
            return new SessionWorkspace(fresh());
        }
        StoredContext c = stored.get();
        try {
            SessionWorkspace sw = new SessionWorkspace(restored(c.snapshot()));
            applyMeta(sw, c.meta());
            log.info(
                    "event=workspace_revived session_id={} from={} variables={}",
                    sessionId,
                    c.kind().name().toLowerCase(),
                    c.variables().size());
            return sw;
        } catch (RuntimeException e) {
            log.error("event=workspace_revive_failed session_id={} error=\"{}\"", sessionId, e.toString());
            return new SessionWorkspace(fresh());
        }
    }

    /** Replaces what the session's workspace holds with the state of a stored context. */
    public void load(SessionWorkspace sw, StoredContext c) {
        Workspace ws = restored(c.snapshot());
        sw.replace(ws);
        sw.forgetObjects();
        applyMeta(sw, c.meta());
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

    /** Takes an auto-save snapshot if the workspace changed since its last save and its session lives. */
    public Optional<StoredContext> autoSnapshot(String sessionId, SessionWorkspace sw) {
        if (sw.isEnded() || !sw.isDirty()) {
            return Optional.empty();
        }
        StoredContext c = snapshot(sessionId, sw, ContextKind.AUTO);
        sw.markSaved();
        return Optional.of(c);
    }

    /** Durably saves the workspace if it changed (at shutdown, with the workers stopped); true when it saved. */
    public boolean saveIfDirty(String sessionId, SessionWorkspace sw) {
        if (sw.isEnded() || !sw.isDirty()) {
            return false;
        }
        try {
            store.saveContext(snapshot(sessionId, sw, ContextKind.AUTO));
            sw.markSaved();
            return true;
        } catch (RuntimeException ex) {
            log.error("event=save_failed session_id={} error=\"{}\"", sessionId, ex.toString());
            return false;
        }
    }

    /** Empties a workspace and the server's side of it (selection and known object ids). */
    public void clear(SessionWorkspace sw) {
        sw.workspace().clear();
        sw.forgetObjects();
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
