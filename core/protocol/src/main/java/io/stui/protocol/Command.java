package io.stui.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of the STUI protocol. Each has a snake_case name (command encoding) and a
 * PascalCase name (envelope encoding); {@link #fromName(String)} accepts either.
 */
public enum Command {
    PING("ping", "Ping"),
    EVALUATE("evaluate", "Evaluate"),
    INSPECT("inspect", "Inspect"),
    BROWSE_CLASS("browse_class", "BrowseClass"),
    LIST_CLASSES("list_classes", "ListClasses"),
    GET_METHOD("get_method", "GetMethod"),
    SYSTEM_INFO("system_info", "SystemInfo"),
    DEBUG("debug", "Debug"),
    CREATE_SESSION("create_session", "CreateSession"),
    RESTORE_SESSION("restore_session", "RestoreSession"),
    UPDATE_SESSION_STATE("update_session_state", "UpdateSessionState"),
    CLOSE_SESSION("close_session", "CloseSession"),
    GET_SESSION_INFO("get_session_info", "GetSessionInfo"),
    LIST_CLIENT_SESSIONS("list_client_sessions", "ListClientSessions"),
    GET_SESSION_STATISTICS("get_session_statistics", "GetSessionStatistics"),
    SAVE_CONTEXT("save_context", "SaveContext"),
    LOAD_CONTEXT("load_context", "LoadContext"),
    GET_CONTEXT_SUMMARY("get_context_summary", "GetContextSummary"),
    CLEAR_CONTEXT("clear_context", "ClearContext"),
    // ---- IDE tools (issue #15)
    CODE_COMPLETION("complete", "CodeCompletion"),
    IS_COMPLETE("is_complete", "IsComplete"),
    INTERRUPT("interrupt", "Interrupt"),
    SENDERS("senders", "Senders"),
    IMPLEMENTORS("implementors", "Implementors"),
    REFERENCES("references", "References"),
    CLASS_HIERARCHY("class_hierarchy", "ClassHierarchy"),
    SEARCH_METHODS("search_methods", "SearchMethods"),
    COMPILE_METHOD("compile_method", "CompileMethod"),
    DEFINE_CLASS("define_class", "DefineClass"),
    REMOVE_METHOD("remove_method", "RemoveMethod"),
    REMOVE_CLASS("remove_class", "RemoveClass"),
    GET_HISTORY("get_history", "GetHistory"),
    DESCRIBE("describe", "Describe"),
    // code in the image (issue #14)
    LOAD_CODE("load_code", "LoadCode"),
    RUN_TESTS("run_tests", "RunTests"),
    // the live inspector (issue #15)
    SET_VARIABLE("set_variable", "SetVariable");

    private static final Map<String, Command> BY_NAME = new HashMap<>();

    static {
        for (Command c : values()) {
            BY_NAME.put(c.snakeName, c);
            BY_NAME.put(c.pascalName, c);
        }
    }

    private final String snakeName;
    private final String pascalName;

    Command(String snakeName, String pascalName) {
        this.snakeName = snakeName;
        this.pascalName = pascalName;
    }

    /** The command encoding's name, e.g. {@code create_session}. */
    public String snakeName() {
        return snakeName;
    }

    /** The envelope encoding's name, e.g. {@code CreateSession}. */
    public String pascalName() {
        return pascalName;
    }

    /** The name this command has in the given encoding. */
    public String wireName(Encoding encoding) {
        return encoding == Encoding.ENVELOPE ? pascalName : snakeName;
    }

    /** The command with this snake_case or PascalCase name (exact match), if any. */
    public static Optional<Command> fromName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return snakeName;
    }
}
