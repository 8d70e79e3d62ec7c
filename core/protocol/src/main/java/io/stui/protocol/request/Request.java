package io.stui.protocol.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.protocol.StuiException;

/**
 * A decoded, validated STUI request: one record per command of the protocol, with the defaults of
 * docs/PROTOCOL.md applied. The compact constructors validate, so a record that exists is a valid
 * request (they throw {@link StuiException} with {@code InvalidRequest} naming the field).
 * Record components are camelCase; on the wire they are the snake_case parameter names.
 */
public sealed interface Request {

    /** The command this request is. */
    Command command();

    /** {@code ping}: an optional message to echo. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ping(String message) implements Request {
        public Command command() {
            return Command.PING;
        }
    }

    /** {@code evaluate}: Smalltalk source, run in a session's workspace when one is named. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Evaluate(
            String code,
            String sessionId,
            boolean returnString,
            String evaluationMode,
            String toolId,
            String receiverId,
            boolean debug)
            implements Request, SessionScoped {
        /** The values of {@code evaluation_mode}: do-it, print-it (the default), inspect-it, debug-it. */
        public static final java.util.List<String> MODES = java.util.List.of("Execute", "Display", "Inspect", "Debug");

        public Evaluate {
            Checks.required("code", code, "evaluate");
            Checks.optionalId("session_id", sessionId);
            if (evaluationMode != null && !MODES.contains(evaluationMode)) {
                throw StuiException.invalidField(
                        "evaluation_mode",
                        "Unknown evaluation_mode '" + StuiException.shown(evaluationMode) + "'; use one of "
                                + String.join(", ", MODES) + ".");
            }
            Checks.optionalId("tool_id", toolId);
            Checks.optionalId("receiver_id", receiverId);
        }

        /** An evaluation as before the IDE tools: print-it, in the session's own variables. */
        public Evaluate(String code, String sessionId, boolean returnString) {
            this(code, sessionId, returnString, null, null, null, false);
        }

        /** Whether this evaluation runs under the debugger ({@code debug: true} or {@code evaluation_mode: Debug}). */
        public boolean debugging() {
            return debug || "Debug".equals(evaluationMode);
        }

        /** An evaluation outside any session, answering the printString. */
        public Evaluate(String code) {
            this(code, null, true);
        }

        public Command command() {
            return Command.EVALUATE;
        }
    }

    /**
     * {@code inspect}: the value of {@code target} (an expression) or the registered object
     * {@code objectId}; exactly one of the two is given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Inspect(
            String target,
            String objectId,
            String sessionId,
            int depth,
            boolean includePrivate,
            boolean includeMethods,
            Integer offset,
            Integer limit)
            implements Request, SessionScoped {
        /** Largest accepted {@code depth}. */
        public static final int MAX_DEPTH = 10;
        /** Elements answered when the request gives no {@code limit}. */
        public static final int DEFAULT_LIMIT = 100;
        /**
         * Largest page of elements: each element gets an object id, and a session keeps the newest 1,000 ids, so one
         * page never pushes the inspected object's own id (or the page's first elements) out.
         */
        public static final int MAX_LIMIT = 500;

        /** An inspection of the first page of elements (the request before paging). */
        public Inspect(
                String target,
                String objectId,
                String sessionId,
                int depth,
                boolean includePrivate,
                boolean includeMethods) {
            this(target, objectId, sessionId, depth, includePrivate, includeMethods, null, null);
        }

        /** The first element asked for (0-based). */
        public int offsetOrDefault() {
            return offset == null ? 0 : offset;
        }

        /** How many elements are asked for at most. */
        public int limitOrDefault() {
            return limit == null ? DEFAULT_LIMIT : limit;
        }

        public Inspect {
            if (target == null && objectId == null) {
                throw StuiException.invalidField("target", "inspect needs 'target' (an expression) or 'object_id'.");
            }
            if (target != null && objectId != null) {
                throw StuiException.invalidField("object_id", "inspect takes 'target' or 'object_id', not both.");
            }
            Checks.optionalId("object_id", objectId);
            Checks.optionalId("session_id", sessionId);
            Checks.range("depth", depth, 0, MAX_DEPTH);
            if (offset != null) {
                Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            }
            if (limit != null) {
                Checks.range("limit", limit, 1, MAX_LIMIT);
            }
        }

        public Command command() {
            return Command.INSPECT;
        }
    }

    /**
     * {@code set_variable}: assigns the value of {@code expression} (evaluated with {@code self} bound to the object)
     * to the instance variable {@code name} of the registered object {@code objectId} (an index for an indexed slot).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SetVariable(String objectId, String name, String expression, String sessionId)
            implements Request, SessionScoped {
        public SetVariable {
            Checks.required("object_id", objectId, "set_variable");
            Checks.optionalId("object_id", objectId);
            Checks.nonBlank("name", name, "set_variable");
            Checks.nonBlank("expression", expression, "set_variable");
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.SET_VARIABLE;
        }
    }

    /**
     * {@code browse_class}: a class with, as asked, its methods and variables. With a session, the
     * class is looked up among that session's classes first (null: no session, system classes only).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BrowseClass(
            String className,
            boolean includeMethods,
            boolean includeInstanceVars,
            boolean includeClassVars,
            String sessionId)
            implements Request, SessionScoped {
        public BrowseClass {
            Checks.nonBlank("class_name", className, "browse_class");
            Checks.optionalId("session_id", sessionId);
        }

        /** Browse a class outside any session, with the parts asked for. */
        public BrowseClass(
                String className, boolean includeMethods, boolean includeInstanceVars, boolean includeClassVars) {
            this(className, includeMethods, includeInstanceVars, includeClassVars, null);
        }

        /** Browse a class outside any session with everything included. */
        public BrowseClass(String className) {
            this(className, true, true, true, null);
        }

        public Command command() {
            return Command.BROWSE_CLASS;
        }
    }

    /**
     * {@code list_classes}: classes matching a glob ({@code *}, {@code ?}), up to {@code limit}
     * (null: all). With a session, that session's classes are listed too (null: no session).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListClasses(String pattern, boolean includeSystem, Integer limit, String sessionId)
            implements Request, SessionScoped {
        public ListClasses {
            if (limit != null) {
                Checks.range("limit", limit, 0, Integer.MAX_VALUE);
            }
            Checks.optionalId("session_id", sessionId);
        }

        /** List classes outside any session. */
        public ListClasses(String pattern, boolean includeSystem, Integer limit) {
            this(pattern, includeSystem, limit, null);
        }

        public Command command() {
            return Command.LIST_CLASSES;
        }
    }

    /**
     * {@code get_method}: one method's source and description. With a session, the class is looked
     * up among that session's classes first (null: no session).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GetMethod(String className, String methodName, boolean isClassMethod, String sessionId)
            implements Request, SessionScoped {
        public GetMethod {
            Checks.nonBlank("class_name", className, "get_method");
            Checks.nonBlank("method_name", methodName, "get_method");
            Checks.optionalId("session_id", sessionId);
        }

        /** A method of a class outside any session. */
        public GetMethod(String className, String methodName, boolean isClassMethod) {
            this(className, methodName, isClassMethod, null);
        }

        public Command command() {
            return Command.GET_METHOD;
        }
    }

    /** {@code system_info}: information of one kind (default {@link InfoType#BASIC}). */
    record SystemInfo(InfoType infoType) implements Request {
        public SystemInfo {
            Checks.required("info_type", infoType, "system_info");
        }

        public Command command() {
            return Command.SYSTEM_INFO;
        }
    }

    /**
     * {@code debug}: one debugger operation in a session. Without {@code debugId}, GetStackTrace and GetLocalVars
     * describe the session's last failed evaluation (post-mortem); with it they, and the stepping operations, act
     * on that suspended evaluation. Breakpoints name a method ({@code className}, {@code methodName}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Debug(
            DebugOperation operation,
            String sessionId,
            String debugId,
            String className,
            String methodName,
            Boolean isClassMethod,
            Integer frame,
            String code)
            implements Request, SessionScoped {
        public Debug {
            Checks.required("operation", operation, "debug");
            Checks.sessionId(sessionId, "debug");
            Checks.optionalId("debug_id", debugId);
            if (frame != null) {
                Checks.range("frame", frame, 0, 100_000);
            }
        }

        /** A post-mortem operation, or a breakpoint without a method, as before the live debugger. */
        public Debug(DebugOperation operation, String sessionId) {
            this(operation, sessionId, null, null, null, null, null, null);
        }

        public Command command() {
            return Command.DEBUG;
        }
    }

    /** {@code create_session}: a new session for a client. */
    record CreateSession(String clientId) implements Request {
        public CreateSession {
            Checks.clientId(clientId, "create_session");
        }

        public Command command() {
            return Command.CREATE_SESSION;
        }
    }

    /** {@code restore_session}: everything a client needs to pick a session up again. */
    record RestoreSession(String sessionId) implements Request, SessionScoped {
        public RestoreSession {
            Checks.sessionId(sessionId, "restore_session");
        }

        public Command command() {
            return Command.RESTORE_SESSION;
        }
    }

    /** {@code update_session_state}: replace the client state stored with a session (a JSON object). */
    record UpdateSessionState(String sessionId, ObjectNode stateData) implements Request, SessionScoped {
        public UpdateSessionState {
            Checks.sessionId(sessionId, "update_session_state");
            Checks.required("state_data", stateData, "update_session_state");
        }

        public Command command() {
            return Command.UPDATE_SESSION_STATE;
        }
    }

    /** {@code close_session}. */
    record CloseSession(String sessionId) implements Request, SessionScoped {
        public CloseSession {
            Checks.sessionId(sessionId, "close_session");
        }

        public Command command() {
            return Command.CLOSE_SESSION;
        }
    }

    /** {@code get_session_info}. */
    record GetSessionInfo(String sessionId) implements Request, SessionScoped {
        public GetSessionInfo {
            Checks.sessionId(sessionId, "get_session_info");
        }

        public Command command() {
            return Command.GET_SESSION_INFO;
        }
    }

    /** {@code list_client_sessions}. */
    record ListClientSessions(String clientId) implements Request {
        public ListClientSessions {
            Checks.clientId(clientId, "list_client_sessions");
        }

        public Command command() {
            return Command.LIST_CLIENT_SESSIONS;
        }
    }

    /** {@code get_session_statistics}: no parameters. */
    record GetSessionStatistics() implements Request {
        public Command command() {
            return Command.GET_SESSION_STATISTICS;
        }
    }

    /** {@code save_context}: durably save a session's live context. */
    record SaveContext(String sessionId) implements Request, SessionScoped {
        public SaveContext {
            Checks.sessionId(sessionId, "save_context");
        }

        public Command command() {
            return Command.SAVE_CONTEXT;
        }
    }

    /** {@code load_context}: take the last saved context back into the live session. */
    record LoadContext(String sessionId) implements Request, SessionScoped {
        public LoadContext {
            Checks.sessionId(sessionId, "load_context");
        }

        public Command command() {
            return Command.LOAD_CONTEXT;
        }
    }

    /** {@code get_context_summary}. */
    record GetContextSummary(String sessionId) implements Request, SessionScoped {
        public GetContextSummary {
            Checks.sessionId(sessionId, "get_context_summary");
        }

        public Command command() {
            return Command.GET_CONTEXT_SUMMARY;
        }
    }

    /** {@code clear_context}: empty variables, history and registry. */
    record ClearContext(String sessionId) implements Request, SessionScoped {
        public ClearContext {
            Checks.sessionId(sessionId, "clear_context");
        }

        public Command command() {
            return Command.CLEAR_CONTEXT;
        }
    }

    // ---------------------------------------------------------------- IDE tools (issue #15)

    /** Largest {@code limit} of a paged IDE query. */
    int MAX_PAGE = 10_000;

    /** {@code complete}: completion candidates at {@code cursor} (0-based offset; null: the end of the code). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CodeCompletion(String code, Integer cursor, String sessionId) implements Request, SessionScoped {
        public CodeCompletion {
            Checks.required("code", code, "complete");
            if (cursor != null) {
                Checks.range("cursor", cursor, 0, code.length());
            }
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.CODE_COMPLETION;
        }
    }

    /** {@code is_complete}: whether source is complete, incomplete or invalid; runs nothing. */
    record IsComplete(String code) implements Request {
        public IsComplete {
            Checks.required("code", code, "is_complete");
        }

        public Command command() {
            return Command.IS_COMPLETE;
        }
    }

    /** {@code interrupt}: stops the evaluation running in a session (only the one with {@code requestId}, if given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Interrupt(String sessionId, String requestId) implements Request, SessionScoped {
        public Interrupt {
            Checks.sessionId(sessionId, "interrupt");
        }

        public Command command() {
            return Command.INTERRUPT;
        }
    }

    /** {@code senders}: methods that send a selector, paged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Senders(String selector, String sessionId, int offset, int limit) implements Request, SessionScoped {
        public Senders {
            Checks.nonBlank("selector", selector, "senders");
            Checks.optionalId("session_id", sessionId);
            Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            Checks.range("limit", limit, 1, MAX_PAGE);
        }

        public Command command() {
            return Command.SENDERS;
        }
    }

    /** {@code implementors}: methods with a selector, paged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Implementors(String selector, String sessionId, int offset, int limit) implements Request, SessionScoped {
        public Implementors {
            Checks.nonBlank("selector", selector, "implementors");
            Checks.optionalId("session_id", sessionId);
            Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            Checks.range("limit", limit, 1, MAX_PAGE);
        }

        public Command command() {
            return Command.IMPLEMENTORS;
        }
    }

    /** {@code references}: methods that name a class or global, paged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record References(String name, String sessionId, int offset, int limit) implements Request, SessionScoped {
        public References {
            Checks.nonBlank("name", name, "references");
            Checks.optionalId("session_id", sessionId);
            Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            Checks.range("limit", limit, 1, MAX_PAGE);
        }

        public Command command() {
            return Command.REFERENCES;
        }
    }

    /** {@code class_hierarchy}: superclass chain and subclasses to {@code depth} levels (null: all). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClassHierarchy(String className, Integer depth, String sessionId) implements Request, SessionScoped {
        public ClassHierarchy {
            Checks.nonBlank("class_name", className, "class_hierarchy");
            if (depth != null) {
                Checks.range("depth", depth, 0, 1_000);
            }
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.CLASS_HIERARCHY;
        }
    }

    /** {@code search_methods}: methods whose selector matches a glob and/or whose source contains a text, paged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SearchMethods(String pattern, String text, String sessionId, int offset, int limit)
            implements Request, SessionScoped {
        public SearchMethods {
            if (pattern == null && text == null) {
                throw StuiException.invalidField(
                        "pattern", "search_methods needs 'pattern' (a selector glob) or 'text'.");
            }
            Checks.optionalId("session_id", sessionId);
            Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            Checks.range("limit", limit, 1, MAX_PAGE);
        }

        public Command command() {
            return Command.SEARCH_METHODS;
        }
    }

    /** {@code compile_method}: compiles method source into a class (its class side with {@code isClassMethod}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompileMethod(String className, String source, String category, boolean isClassMethod, String sessionId)
            implements Request, SessionScoped {
        public CompileMethod {
            Checks.nonBlank("class_name", className, "compile_method");
            Checks.nonBlank("source", source, "compile_method");
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.COMPILE_METHOD;
        }
    }

    /**
     * {@code define_class}: a Pharo class-definition expression ({@code definition}), or the parts ({@code name},
     * {@code superclass}, variables as space-separated names, {@code packageName}, {@code traits}: a trait
     * composition expression such as {@code TFoo + TBar - {#baz}}); not both.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DefineClass(
            String definition,
            String name,
            String superclass,
            String instanceVars,
            String classVars,
            String classInstanceVars,
            @JsonProperty("package") String packageName,
            String traits,
            String sessionId)
            implements Request, SessionScoped {
        public DefineClass {
            if ((definition == null) == (name == null)) {
                throw StuiException.invalidField(
                        "definition",
                        "define_class takes 'definition' (a class-definition expression) or 'name', one of them.");
            }
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.DEFINE_CLASS;
        }
    }

    /** {@code remove_method}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RemoveMethod(String className, String methodName, boolean isClassMethod, String sessionId)
            implements Request, SessionScoped {
        public RemoveMethod {
            Checks.nonBlank("class_name", className, "remove_method");
            Checks.nonBlank("method_name", methodName, "remove_method");
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.REMOVE_METHOD;
        }
    }

    /** {@code remove_class}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RemoveClass(String className, String sessionId) implements Request, SessionScoped {
        public RemoveClass {
            Checks.nonBlank("class_name", className, "remove_class");
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.REMOVE_CLASS;
        }
    }

    /** {@code get_history}: a session's evaluations, oldest first, paged. */
    record GetHistory(String sessionId, int offset, int limit) implements Request, SessionScoped {
        public GetHistory {
            Checks.sessionId(sessionId, "get_history");
            Checks.range("offset", offset, 0, Integer.MAX_VALUE);
            Checks.range("limit", limit, 1, MAX_PAGE);
        }

        public Command command() {
            return Command.GET_HISTORY;
        }
    }

    /** {@code describe}: what this server offers; no parameters. */
    record Describe() implements Request {
        public Command command() {
            return Command.DESCRIBE;
        }
    }

    // ---- code in the image (issue #14) ----

    /**
     * {@code load_code}: Tonel files or chunk-format file-outs, given by contents (never server paths), loaded all
     * or nothing into the session's workspace, or the server's default image without a session.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoadCode(java.util.List<CodeFile> files, String sessionId) implements Request, SessionScoped {
        public LoadCode {
            Checks.required("files", files, "load_code");
            if (files.isEmpty()) {
                throw StuiException.invalidField("files", "load_code needs at least one file in 'files'.");
            }
            files = java.util.List.copyOf(files);
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.LOAD_CODE;
        }
    }

    /**
     * {@code run_tests}: the SUnit tests already in the session's workspace or the default image whose class
     * matches {@code classes} or whose package matches {@code packages} (globs; neither: every test class).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunTests(String classes, String packages, String sessionId) implements Request, SessionScoped {
        public RunTests {
            Checks.optionalId("session_id", sessionId);
        }

        public Command command() {
            return Command.RUN_TESTS;
        }
    }
}
