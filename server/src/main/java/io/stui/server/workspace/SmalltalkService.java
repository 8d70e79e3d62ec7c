package io.stui.server.workspace;

import io.stui.server.command.WorkspaceFacts;
import io.stui.server.front.RequestDispatcher;
import java.util.List;
import java.util.Map;

/**
 * The server's view of the Smalltalk side: the commands that need the engine, facts about session
 * workspaces, and the durability duties (auto-save, save at shutdown).
 */
public interface SmalltalkService extends AutoCloseable {

    /** Runs evaluate, inspect, browse_class, list_classes, get_method, debug and the context commands. */
    RequestDispatcher.Handler handler();

    /** Variables, inspector selection and object registry of a session's workspace. */
    WorkspaceFacts facts(String sessionId);

    /** The engine's packages: name and class count each. */
    List<Map<String, Object>> packages();

    /** Version string of the Smalltalk engine. */
    String version();

    /** Drops the workspace of a session that ended. */
    void sessionEnded(String sessionId);

    /**
     * Lets go of the evaluation threads of workspaces whose sessions have been idle for at least
     * {@code idleMillis} (the workspaces stay usable; a thread starts again on the next request).
     * Returns how many were parked.
     */
    int parkIdle(long idleMillis);

    /** Durably saves every workspace changed since its last save (at shutdown). */
    void saveAll();

    @Override
    void close();
}
