package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * The successful result of one command: one record per command, whose components serialise to
 * exactly the snake_case field names of docs/PROTOCOL.md (camelCase here). Nullable components are
 * written as JSON null.
 */
public sealed interface CommandResult
        permits PingResult,
                EvaluateResult,
                InspectResult,
                BrowseClassResult,
                ListClassesResult,
                GetMethodResult,
                SystemInfoResult,
                DebugResult,
                CreateSessionResult,
                RestoreSessionResult,
                UpdateSessionStateResult,
                CloseSessionResult,
                SessionInfoResult,
                ListClientSessionsResult,
                SessionStatisticsResult,
                SaveContextResult,
                LoadContextResult,
                ContextSummaryResult,
                ClearContextResult,
                // IDE tools (issue #15)
                CompletionResult,
                IsCompleteResult,
                InterruptResult,
                SendersResult,
                ImplementorsResult,
                ReferencesResult,
                ClassHierarchyResult,
                SearchMethodsResult,
                CompileMethodResult,
                DefineClassResult,
                RemoveMethodResult,
                RemoveClassResult,
                GetHistoryResult,
                DescribeResult,
                // code in the image (issue #14)

                LoadCodeResult,
                RunTestsResult,
                // the live inspector (issue #15)
                SetVariableResult {

    /** The command this is the result of (its PascalCase name is the envelope's {@code response_type}). */
    Command command();
}
