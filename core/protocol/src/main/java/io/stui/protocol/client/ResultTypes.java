package io.stui.protocol.client;

import io.stui.protocol.Command;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClearContextResult;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.ContextSummaryResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.ListClientSessionsResult;
import io.stui.protocol.result.LoadContextResult;
import io.stui.protocol.result.PingResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.SaveContextResult;
import io.stui.protocol.result.SessionInfoResult;
import io.stui.protocol.result.SessionStatisticsResult;
import io.stui.protocol.result.SystemInfoResult;
import io.stui.protocol.result.UpdateSessionStateResult;

/** The result record of each command. */
public final class ResultTypes {
    private ResultTypes() {}

    /** The record a successful answer to {@code command} binds to. */
    public static Class<? extends CommandResult> of(Command command) {
        return switch (command) {
            case PING -> PingResult.class;
            case EVALUATE -> EvaluateResult.class;
            case INSPECT -> InspectResult.class;
            case BROWSE_CLASS -> BrowseClassResult.class;
            case LIST_CLASSES -> ListClassesResult.class;
            case GET_METHOD -> GetMethodResult.class;
            case SYSTEM_INFO -> SystemInfoResult.class;
            case DEBUG -> DebugResult.class;
            case CREATE_SESSION -> CreateSessionResult.class;
            case RESTORE_SESSION -> RestoreSessionResult.class;
            case UPDATE_SESSION_STATE -> UpdateSessionStateResult.class;
            case CLOSE_SESSION -> CloseSessionResult.class;
            case GET_SESSION_INFO -> SessionInfoResult.class;
            case LIST_CLIENT_SESSIONS -> ListClientSessionsResult.class;
            case GET_SESSION_STATISTICS -> SessionStatisticsResult.class;
            case SAVE_CONTEXT -> SaveContextResult.class;
            case LOAD_CONTEXT -> LoadContextResult.class;
            case GET_CONTEXT_SUMMARY -> ContextSummaryResult.class;
            case CLEAR_CONTEXT -> ClearContextResult.class;
            case CODE_COMPLETION -> io.stui.protocol.result.CompletionResult.class;
            case IS_COMPLETE -> io.stui.protocol.result.IsCompleteResult.class;
            case INTERRUPT -> io.stui.protocol.result.InterruptResult.class;
            case SENDERS -> io.stui.protocol.result.SendersResult.class;
            case IMPLEMENTORS -> io.stui.protocol.result.ImplementorsResult.class;
            case REFERENCES -> io.stui.protocol.result.ReferencesResult.class;
            case CLASS_HIERARCHY -> io.stui.protocol.result.ClassHierarchyResult.class;
            case SEARCH_METHODS -> io.stui.protocol.result.SearchMethodsResult.class;
            case COMPILE_METHOD -> io.stui.protocol.result.CompileMethodResult.class;
            case DEFINE_CLASS -> io.stui.protocol.result.DefineClassResult.class;
            case REMOVE_METHOD -> io.stui.protocol.result.RemoveMethodResult.class;
            case REMOVE_CLASS -> io.stui.protocol.result.RemoveClassResult.class;
            case GET_HISTORY -> io.stui.protocol.result.GetHistoryResult.class;
            case DESCRIBE -> io.stui.protocol.result.DescribeResult.class;
            case LOAD_CODE -> io.stui.protocol.result.LoadCodeResult.class;
            case RUN_TESTS -> io.stui.protocol.result.RunTestsResult.class;
            case SET_VARIABLE -> io.stui.protocol.result.SetVariableResult.class;
        };
    }
}
