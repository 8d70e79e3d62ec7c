package io.stui.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the typed {@link Request} of a command from its parameters object, applying the defaults
 * of docs/PROTOCOL.md. Knows where each encoding names the session and how it shapes debug operations.
 */
final class RequestReader {
    private static final String INFO_TYPES =
            Arrays.stream(InfoType.values()).map(InfoType::wireName).collect(Collectors.joining(", "));
    private static final String DEBUG_KINDS = Arrays.stream(DebugOperation.Kind.values())
            .map(DebugOperation.Kind::pascalName)
            .collect(Collectors.joining(", "));

    /** Page size of the paged IDE queries when the request gives no {@code limit}. */
    static final int DEFAULT_PAGE = 100;

    private RequestReader() {}

    /**
     * Evaluate and ping, most of the traffic, are read ahead of the switch: the switch's method is too big to compile
     * cheaply (C1 needs 3.7 MiB for it, C2 5.0: serve.jvm-options' compiler-memory limit), and a server that answers
     * only those never compiles it.
     */
    static Request read(Command command, Encoding encoding, Params params) {
        ParamReader p = new ParamReader(params, command.snakeName());
        if (command == Command.EVALUATE) {
            return evaluate(p, encoding);
        }
        if (command == Command.PING) {
            return new Request.Ping(p.string("message"));
        }
        return otherRequest(command, encoding, p);
    }

    private static Request evaluate(ParamReader p, Encoding encoding) {
        return new Request.Evaluate(
                p.requiredString("code"),
                optionalSession(p, encoding),
                p.bool("return_string", true),
                p.string("evaluation_mode"),
                p.string("tool_id"),
                p.string("receiver_id"),
                p.bool("debug", false));
    }

    private static Request otherRequest(Command command, Encoding encoding, ParamReader p) {
        return switch (command) {
            case PING, EVALUATE -> throw new IllegalStateException(command + " is read ahead of this switch");
            case INSPECT ->
                new Request.Inspect(
                        p.string("target"),
                        p.string("object_id"),
                        optionalSession(p, encoding),
                        p.integer("depth", 1),
                        p.bool("include_private", false),
                        p.bool("include_methods", false),
                        p.integer("offset"),
                        p.integer("limit"));
            case BROWSE_CLASS ->
                new Request.BrowseClass(
                        p.requiredString("class_name"),
                        p.bool("include_methods", true),
                        p.bool("include_instance_vars", true),
                        p.bool("include_class_vars", true),
                        optionalSession(p, encoding));
            case LIST_CLASSES ->
                new Request.ListClasses(
                        p.string("pattern"),
                        p.bool("include_system", true),
                        p.integer("limit"),
                        optionalSession(p, encoding));
            case GET_METHOD ->
                new Request.GetMethod(
                        p.requiredString("class_name"),
                        p.requiredString("method_name"),
                        p.bool("is_class_method", false),
                        optionalSession(p, encoding));
            case SYSTEM_INFO -> new Request.SystemInfo(infoType(p));
            case DEBUG ->
                new Request.Debug(
                        debugOperation(p),
                        requiredSession(p, encoding),
                        p.string("debug_id"),
                        p.string("class_name"),
                        p.string("method_name"),
                        p.has("is_class_method") ? p.bool("is_class_method", false) : null,
                        p.integer("frame"),
                        p.string("code"));
            case CREATE_SESSION -> new Request.CreateSession(p.requiredString("client_id"));
            case RESTORE_SESSION -> new Request.RestoreSession(requiredSession(p, encoding));
            case UPDATE_SESSION_STATE -> {
                String session = requiredSession(p, encoding);
                ObjectNode state = p.object("state_data");
                if (state == null) {
                    throw p.missing("state_data");
                }
                yield new Request.UpdateSessionState(session, state);
            }
            case CLOSE_SESSION -> new Request.CloseSession(requiredSession(p, encoding));
            case GET_SESSION_INFO -> new Request.GetSessionInfo(requiredSession(p, encoding));
            case LIST_CLIENT_SESSIONS -> new Request.ListClientSessions(p.requiredString("client_id"));
            case GET_SESSION_STATISTICS -> new Request.GetSessionStatistics();
            case SAVE_CONTEXT -> new Request.SaveContext(requiredSession(p, encoding));
            case LOAD_CONTEXT -> new Request.LoadContext(requiredSession(p, encoding));
            case GET_CONTEXT_SUMMARY -> new Request.GetContextSummary(requiredSession(p, encoding));
            case CLEAR_CONTEXT -> new Request.ClearContext(requiredSession(p, encoding));
            // ---- IDE tools (issue #15)
            case CODE_COMPLETION ->
                new Request.CodeCompletion(p.requiredString("code"), p.integer("cursor"), optionalSession(p, encoding));
            case IS_COMPLETE -> new Request.IsComplete(p.requiredString("code"));
            case INTERRUPT -> new Request.Interrupt(requiredSession(p, encoding), p.string("request_id"));
            case SENDERS ->
                new Request.Senders(
                        p.requiredString("selector"),
                        optionalSession(p, encoding),
                        p.integer("offset", 0),
                        p.integer("limit", DEFAULT_PAGE));
            case IMPLEMENTORS ->
                new Request.Implementors(
                        p.requiredString("selector"),
                        optionalSession(p, encoding),
                        p.integer("offset", 0),
                        p.integer("limit", DEFAULT_PAGE));
            case REFERENCES ->
                new Request.References(
                        p.requiredString("name"),
                        optionalSession(p, encoding),
                        p.integer("offset", 0),
                        p.integer("limit", DEFAULT_PAGE));
            case CLASS_HIERARCHY ->
                new Request.ClassHierarchy(
                        p.requiredString("class_name"), p.integer("depth"), optionalSession(p, encoding));
            case SEARCH_METHODS ->
                new Request.SearchMethods(
                        p.string("pattern"),
                        p.string("text"),
                        optionalSession(p, encoding),
                        p.integer("offset", 0),
                        p.integer("limit", DEFAULT_PAGE));
            case COMPILE_METHOD ->
                new Request.CompileMethod(
                        p.requiredString("class_name"),
                        p.requiredString("source"),
                        p.string("category"),
                        p.bool("is_class_method", false),
                        optionalSession(p, encoding));
            case DEFINE_CLASS ->
                new Request.DefineClass(
                        p.string("definition"),
                        p.string("name"),
                        p.string("superclass"),
                        p.string("instance_vars"),
                        p.string("class_vars"),
                        p.string("class_instance_vars"),
                        p.string("package"),
                        p.string("traits"),
                        optionalSession(p, encoding));
            case REMOVE_METHOD ->
                new Request.RemoveMethod(
                        p.requiredString("class_name"),
                        p.requiredString("method_name"),
                        p.bool("is_class_method", false),
                        optionalSession(p, encoding));
            case REMOVE_CLASS -> new Request.RemoveClass(p.requiredString("class_name"), optionalSession(p, encoding));
            case GET_HISTORY ->
                new Request.GetHistory(
                        requiredSession(p, encoding), p.integer("offset", 0), p.integer("limit", DEFAULT_PAGE));
            case DESCRIBE -> new Request.Describe();
            case LOAD_CODE -> new Request.LoadCode(codeFiles(p), optionalSession(p, encoding));
            case RUN_TESTS ->
                new Request.RunTests(p.string("classes"), p.string("packages"), optionalSession(p, encoding));
            case SET_VARIABLE ->
                new Request.SetVariable(
                        p.requiredString("object_id"),
                        p.requiredString("name"),
                        p.requiredString("expression"),
                        optionalSession(p, encoding));
        };
    }

    /** Command encoding: {@code session_id}. Envelope: {@code session_id} or {@code context} (must agree). */
    private static String optionalSession(ParamReader p, Encoding encoding) {
        String sessionId = p.string("session_id");
        if (encoding != Encoding.ENVELOPE) {
            return sessionId;
        }
        String context = p.string("context");
        if (sessionId != null && context != null && !sessionId.equals(context)) {
            throw StuiException.invalidField(
                    "context", "Parameters 'session_id' and 'context' name different " + "sessions; give one of them.");
        }
        return sessionId != null ? sessionId : context;
    }

    private static String requiredSession(ParamReader p, Encoding encoding) {
        String session = optionalSession(p, encoding);
        if (session == null) {
            throw p.missing("session_id");
        }
        return session;
    }

    /** {@code files}: an array of {@code {"name": ..., "contents": ...}} objects. */
    private static java.util.List<CodeFile> codeFiles(ParamReader p) {
        JsonNode files = p.raw("files");
        if (files == null) {
            throw p.missing("files");
        }
        if (!files.isArray()) {
            throw p.wrongType("files", "an array of {\"name\": ..., \"contents\": ...} objects", files);
        }
        java.util.List<CodeFile> out = new java.util.ArrayList<>(files.size());
        for (JsonNode f : files) {
            if (!f.isObject()) {
                throw p.wrongType("files", "an array of {\"name\": ..., \"contents\": ...} objects", f);
            }
            out.add(new CodeFile(p.string("name", f.get("name")), p.string("contents", f.get("contents"))));
        }
        return out;
    }

    private static InfoType infoType(ParamReader p) {
        String name = p.string("info_type");
        if (name == null) {
            return InfoType.BASIC;
        }
        return InfoType.fromName(name)
                .orElseThrow(() -> StuiException.invalidField(
                        "info_type",
                        "Unknown info_type '" + StuiException.shown(name) + "'; use one of " + INFO_TYPES + "."));
    }

    /**
     * Accepts {@code "StepInto"} / {@code "step_into"}, {@code {"StepInto": null}} and
     * {@code {"SetBreakpoint": {"line": 42, "file": "Foo.st"}}}; with a plain name, breakpoint
     * arguments are the flat parameters {@code line} and {@code file}.
     */
    private static DebugOperation debugOperation(ParamReader p) {
        JsonNode op = p.raw("operation");
        if (op == null) {
            throw p.missing("operation");
        }
        DebugOperation.Kind kind;
        JsonNode args;
        if (op.isTextual()) {
            kind = debugKind(op.textValue());
            args = null;
        } else if (op.isObject()) {
            if (op.size() != 1) {
                throw StuiException.invalidField(
                        "operation",
                        "Parameter 'operation' must be an object with "
                                + "exactly one key, the operation name (e.g. {\"StepInto\": null}).");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = op.properties().iterator();
            Map.Entry<String, JsonNode> only = fields.next();
            kind = debugKind(only.getKey());
            args = only.getValue();
            if (!args.isNull() && !args.isObject()) {
                throw StuiException.invalidField(
                        "operation",
                        "The arguments of " + kind.pascalName() + " must be null or an object, got "
                                + ParamReader.typeName(args) + ".");
            }
            if (args.isNull()) {
                args = null;
            }
        } else {
            throw p.wrongType("operation", "an operation name or {\"Name\": arguments}", op);
        }
        if (!kind.isBreakpoint()) {
            return DebugOperation.of(kind);
        }
        Integer line;
        String file;
        if (args != null) {
            line = p.integer("line", args.get("line"));
            file = p.string("file", args.get("file"));
        } else {
            line = p.integer("line");
            file = p.string("file");
        }
        return new DebugOperation(kind, line, file);
    }

    private static DebugOperation.Kind debugKind(String name) {
        return DebugOperation.Kind.fromName(name)
                .orElseThrow(() -> StuiException.invalidField(
                        "operation",
                        "Unknown debug operation '" + StuiException.shown(name) + "'; use one of " + DEBUG_KINDS
                                + "."));
    }
}
