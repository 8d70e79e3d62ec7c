package io.stui.server.workspace;

import io.stui.smalltalk.Workspace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session's live Smalltalk workspace plus what the server adds to it: the inspector selection,
 * short descriptions of the object ids handed to the client (for {@code restore_session}), and its
 * save state (changed since the last save, an auto-save scheduled, parked, ended).
 *
 * <p>Used only from the session's lane of the worker pool (one thread at a time), and at shutdown
 * after the workers have stopped; the save-state flags may be read from any thread.
 */
public final class SessionWorkspace {

    /** Object ids remembered per session; the oldest are forgotten first. */
    static final int MAX_KNOWN_OBJECTS = 200;

    private Workspace workspace;
    private String selectedObject;
    private final Map<String, String> knownObjects = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_KNOWN_OBJECTS;
        }
    };
    private volatile boolean dirty;
    /** Set when the sweep let go of the evaluation thread; cleared by the next use. */
    private volatile boolean parked;
    /** Set once the session has ended: nothing more is saved. */
    private volatile boolean ended;

    private final AtomicBoolean saveScheduled = new AtomicBoolean();

    SessionWorkspace(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The engine workspace. */
    public Workspace workspace() {
        return workspace;
    }

    /** Swaps in another workspace (load_context), closing the old one. */
    void replace(Workspace next) {
        Workspace old = workspace;
        workspace = next;
        old.close();
    }

    /** Object id of the last inspected object, or null. */
    public String selectedObject() {
        return selectedObject;
    }

    public void select(String objectId) {
        selectedObject = objectId;
    }

    /** Remembers an object id handed to the client, with a one-line description. */
    public void remember(String objectId, String className, String printString) {
        if (objectId == null) {
            return;
        }
        String ps = printString == null ? "" : printString;
        if (ps.length() > 80) {
            ps = ps.substring(0, 77) + "...";
        }
        knownObjects.remove(objectId);
        knownObjects.put(objectId, className + ": " + ps);
    }

    /** The remembered object ids and their descriptions, oldest first. */
    public Map<String, String> knownObjects() {
        return Collections.unmodifiableMap(knownObjects);
    }

    void forgetObjects() {
        knownObjects.clear();
        selectedObject = null;
    }

    /** True when the evaluation thread was let go and the workspace has not been used since. */
    public boolean isParked() {
        return parked;
    }

    /** The sweep has queued a {@link #release} in the session's lane. */
    public void parked() {
        parked = true;
    }

    /** The workspace is in use again. */
    public void unpark() {
        if (parked) {
            parked = false;
        }
    }

    /** Lets go of the evaluation thread (the workspace stays usable: a thread starts again on its next use). */
    public void release() {
        workspace.close();
    }

    /** The session has ended: the workspace is no longer saved. */
    public void ended() {
        ended = true;
    }

    /** True once the session has ended. */
    public boolean isEnded() {
        return ended;
    }

    /** Claims the one pending auto-save; false when one is already scheduled. */
    boolean scheduleSave() {
        return saveScheduled.compareAndSet(false, true);
    }

    /** The scheduled auto-save is running (or was given up): the next change schedules another. */
    void saveTaken() {
        saveScheduled.set(false);
    }

    /** True while an auto-save of this workspace is scheduled. */
    boolean isSavePending() {
        return saveScheduled.get();
    }

    /** True when the workspace changed since its last save. */
    public boolean isDirty() {
        return dirty;
    }

    public void markDirty() {
        dirty = true;
    }

    void markSaved() {
        dirty = false;
    }
}
