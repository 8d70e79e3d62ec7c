package io.stui.server.dispatch;

import io.stui.protocol.Command;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;
import io.stui.server.command.CodeCommands;
import io.stui.server.command.ContextCommands;
import io.stui.server.command.DebugCommands;
import io.stui.server.command.IdeCommands;
import io.stui.server.command.InfoCommands;
import io.stui.server.command.SessionCommands;
import io.stui.server.command.SmalltalkCommands;
import java.util.function.Function;

/**
 * The server's one command table: for each command of the protocol, where its requests run ({@link Placement})
 * and which handler answers them. The rows are made once, by one exhaustive switch over {@link Command} (no
 * default: a new command does not compile until it has its row); a request finds its row by its command's
 * ordinal, with no allocation.
 *
 * <p>Adding a command: its request record and {@link Command} constant in the protocol, one row here, and the
 * handler method it names.
 */
public final class CommandTable implements Handler {

    /**
     * One row: where a request runs and who answers it.
     *
     * @param type the request record this row takes (every request of the command is one)
     */
    public record Row(Class<? extends Request> type, Placer where, Handler handler) {}

    private final Row[] rows = new Row[Command.values().length];

    public CommandTable(
            InfoCommands info,
            SessionCommands sessions,
            SmalltalkCommands smalltalk,
            ContextCommands contexts,
            IdeCommands ide,
            DebugCommands debug,
            CodeCommands code) {
        for (Command c : Command.values()) {
            rows[c.ordinal()] = switch (c) {
                case PING -> row(Request.Ping.class, Placement.INLINE, info::ping);
                case SYSTEM_INFO -> row(Request.SystemInfo.class, CommandTable::systemInfo, info::systemInfo);
                case GET_SESSION_STATISTICS ->
                    row(Request.GetSessionStatistics.class, Placement.INLINE, sessions::statistics);
                case CREATE_SESSION -> row(Request.CreateSession.class, Placement.WORKER, sessions::create);
                case LIST_CLIENT_SESSIONS -> row(Request.ListClientSessions.class, Placement.WORKER, sessions::list);
                case RESTORE_SESSION -> row(Request.RestoreSession.class, Placement.SERIAL, sessions::restore);
                case UPDATE_SESSION_STATE ->
                    row(Request.UpdateSessionState.class, Placement.SERIAL, sessions::updateState);
                case CLOSE_SESSION -> row(Request.CloseSession.class, Placement.SERIAL, sessions::close);
                case GET_SESSION_INFO -> row(Request.GetSessionInfo.class, Placement.SERIAL, sessions::info);
                case EVALUATE ->
                    row(
                            Request.Evaluate.class,
                            Placement.IN_PLACE,
                            r -> r.debugging() ? debug.evaluate(r) : smalltalk.evaluate(r));
                case INSPECT -> row(Request.Inspect.class, Placement.IN_PLACE, smalltalk::inspect);
                case BROWSE_CLASS -> row(Request.BrowseClass.class, Placement.IN_PLACE, smalltalk::browseClass);
                case LIST_CLASSES -> row(Request.ListClasses.class, Placement.IN_PLACE, smalltalk::listClasses);
                case GET_METHOD -> row(Request.GetMethod.class, Placement.IN_PLACE, smalltalk::getMethod);
                case DEBUG -> row(Request.Debug.class, Placement.IN_PLACE, debug::debug);
                case GET_CONTEXT_SUMMARY -> row(Request.GetContextSummary.class, Placement.IN_PLACE, contexts::summary);
                // these write the store durably (an fsync): never on the front thread
                case SAVE_CONTEXT -> row(Request.SaveContext.class, Placement.SERIAL, contexts::save);
                case LOAD_CONTEXT -> row(Request.LoadContext.class, Placement.SERIAL, contexts::load);
                case CLEAR_CONTEXT -> row(Request.ClearContext.class, Placement.SERIAL, contexts::clear);
                // ---- IDE tools (issue #15)
                case CODE_COMPLETION -> row(Request.CodeCompletion.class, Placement.IN_PLACE, ide::complete);
                case IS_COMPLETE -> row(Request.IsComplete.class, Placement.WORKER, ide::isComplete);
                // it only raises a flag, and must never wait behind the evaluation it interrupts
                case INTERRUPT -> row(Request.Interrupt.class, Placement.INLINE, ide::interrupt);
                case SENDERS -> row(Request.Senders.class, Placement.IN_PLACE, ide::senders);
                case IMPLEMENTORS -> row(Request.Implementors.class, Placement.IN_PLACE, ide::implementors);
                case REFERENCES -> row(Request.References.class, Placement.IN_PLACE, ide::references);
                case CLASS_HIERARCHY -> row(Request.ClassHierarchy.class, Placement.IN_PLACE, ide::classHierarchy);
                case SEARCH_METHODS -> row(Request.SearchMethods.class, Placement.IN_PLACE, ide::searchMethods);
                case COMPILE_METHOD -> row(Request.CompileMethod.class, Placement.IN_PLACE, ide::compileMethod);
                case DEFINE_CLASS -> row(Request.DefineClass.class, Placement.IN_PLACE, ide::defineClass);
                case REMOVE_METHOD -> row(Request.RemoveMethod.class, Placement.IN_PLACE, ide::removeMethod);
                case REMOVE_CLASS -> row(Request.RemoveClass.class, Placement.IN_PLACE, ide::removeClass);
                case GET_HISTORY -> row(Request.GetHistory.class, Placement.IN_PLACE, ide::history);
                case DESCRIBE ->
                    row(Request.Describe.class, Placement.WORKER, r -> ide.describe(cmd -> row(cmd).type()));
                // code in the image (issue #14): loads and test runs take seconds, so a worker, in the session's
                // lane when one is named
                case LOAD_CODE -> row(Request.LoadCode.class, Placement.SERIAL, code::loadCode);
                case RUN_TESTS -> row(Request.RunTests.class, Placement.SERIAL, code::runTests);
                // the live inspector (issue #15): an evaluation in the session, like inspect
                case SET_VARIABLE -> row(Request.SetVariable.class, Placement.IN_PLACE, smalltalk::setVariable);
            };
        }
    }

    /** {@code Basic} reads a few counters; the other kinds walk the heap or the class table. */
    private static Placement systemInfo(Request r) {
        return ((Request.SystemInfo) r).infoType() == InfoType.BASIC ? Placement.INLINE : Placement.WORKER;
    }

    private static <R extends Request> Row row(
            Class<R> type, Placer where, Function<R, ? extends CommandResult> handler) {
        return new Row(type, where, request -> handler.apply(type.cast(request)));
    }

    /** The row of a command. */
    public Row row(Command command) {
        return rows[command.ordinal()];
    }

    /** Where this request runs. */
    public Placement placement(Request request) {
        return rows[request.command().ordinal()].where().place(request);
    }

    @Override
    public CommandResult handle(Request request) {
        return rows[request.command().ordinal()].handler().handle(request);
    }
}
