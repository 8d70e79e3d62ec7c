package io.stui.server.command;

import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;
import io.stui.server.front.RequestDispatcher;

/**
 * Routes each decoded request to the group of commands that implements it, and tells the front
 * end which requests are cheap enough to answer on its own thread.
 */
public final class CommandHandler implements RequestDispatcher.Handler {

    private final InfoCommands info;
    private final SessionCommands sessions;
    private final RequestDispatcher.Handler smalltalk;

    /**
     * @param smalltalk runs the commands that need the Smalltalk engine (evaluate, inspect, browse_class,
     *                  list_classes, get_method, debug and the four context commands)
     */
    public CommandHandler(InfoCommands info, SessionCommands sessions, RequestDispatcher.Handler smalltalk) {
        this.info = info;
        this.sessions = sessions;
        this.smalltalk = smalltalk;
    }

    /** Requests answered on the front thread: they only read counters. */
    public static boolean isInline(Request r) {
        return switch (r) {
            case Request.Ping p -> true;
            case Request.GetSessionStatistics s -> true;
            case Request.SystemInfo s -> s.infoType() == InfoType.BASIC;
            default -> false;
        };
    }

    /**
     * Requests that may run on the front thread when it allows: the engine's interactive commands. They are
     * usually short but can run long (an evaluation); the front hands its sockets to another thread then. Those
     * that write the store durably (sessions, save/load/clear context) always go to a worker.
     */
    public static boolean mayRunInPlace(Request r) {
        return switch (r) {
            case Request.Evaluate e -> true;
            case Request.Inspect i -> true;
            case Request.BrowseClass b -> true;
            case Request.ListClasses l -> true;
            case Request.GetMethod g -> true;
            case Request.Debug d -> true;
            case Request.GetContextSummary g -> true;
            default -> false;
        };
    }

    @Override
    public CommandResult handle(Request request) {
        return switch (request) {
            case Request.Ping r -> info.ping(r);
            case Request.SystemInfo r -> info.systemInfo(r);
            case Request.CreateSession r -> sessions.create(r);
            case Request.RestoreSession r -> sessions.restore(r);
            case Request.UpdateSessionState r -> sessions.updateState(r);
            case Request.CloseSession r -> sessions.close(r);
            case Request.GetSessionInfo r -> sessions.info(r);
            case Request.ListClientSessions r -> sessions.list(r);
            case Request.GetSessionStatistics r -> sessions.statistics();
            case Request.Evaluate r -> smalltalk.handle(r);
            case Request.Inspect r -> smalltalk.handle(r);
            case Request.BrowseClass r -> smalltalk.handle(r);
            case Request.ListClasses r -> smalltalk.handle(r);
            case Request.GetMethod r -> smalltalk.handle(r);
            case Request.Debug r -> smalltalk.handle(r);
            case Request.SaveContext r -> smalltalk.handle(r);
            case Request.LoadContext r -> smalltalk.handle(r);
            case Request.GetContextSummary r -> smalltalk.handle(r);
            case Request.ClearContext r -> smalltalk.handle(r);
        };
    }
}
