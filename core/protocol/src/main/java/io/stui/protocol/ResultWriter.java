package io.stui.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.ClearContextResult;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.ContextSummaryResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.InspectElement;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.InspectorState;
import io.stui.protocol.result.LastEvaluation;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.ListClientSessionsResult;
import io.stui.protocol.result.LoadContextResult;
import io.stui.protocol.result.MethodInfo;
import io.stui.protocol.result.ObjectInfo;
import io.stui.protocol.result.PingResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.SaveContextResult;
import io.stui.protocol.result.SessionInfoResult;
import io.stui.protocol.result.SessionStatisticsResult;
import io.stui.protocol.result.SessionSummary;
import io.stui.protocol.result.SystemInfo;
import io.stui.protocol.result.SystemInfoResult;
import io.stui.protocol.result.UpdateSessionStateResult;
import io.stui.protocol.result.VariableSummary;
import io.stui.protocol.result.WorkspaceContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes results and error details as JSON with a streaming generator: each result record field by
 * field (snake_case names in component order, instants as ISO-8601 UTC text), and the plain values
 * inside them (strings, numbers, booleans, lists, maps, JSON trees).
 *
 * <p>Why not the mapper's record serialiser: an {@code ObjectMapper} and its serialisers made
 * {@code stui serve} load about 330 more classes, 5.5-6 MiB of resident memory, for output this class
 * writes in plain calls. The mapper stays for clients ({@link ProtocolJson#mapper()}), and
 * {@code HandWrittenResultsTest} checks that every result type is written exactly as the mapper writes it.
 */
final class ResultWriter {
    // Member names of the two results on the server's hot path, ping and evaluate, encoded once: the
    // generator copies their bytes instead of encoding and escape-checking each name in every answer.
    private static final SerializableString RESULT = new SerializedString("result");
    private static final SerializableString RESULT_TYPE = new SerializedString("result_type");
    private static final SerializableString EXECUTION_TIME = new SerializedString("execution_time");
    private static final SerializableString HAS_ERROR = new SerializedString("has_error");
    private static final SerializableString TRANSCRIPT = new SerializedString("transcript");
    private static final SerializableString OBJECT_ID = new SerializedString("object_id");
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString UPTIME = new SerializedString("uptime");
    private static final SerializableString SERVER_VERSION = new SerializedString("server_version");
    private static final SerializableString ZMQ_BACKEND = new SerializedString("zmq_backend");

    private static final String RESULT_PACKAGE = "io.stui.protocol.result";

    private ResultWriter() {}

    /** Writes {@code value}: a result record, or a plain value as listed in the class comment. */
    static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Record r) { // every result is one (ping and evaluate at the head of the switch)
            record(g, r);
            return;
        }
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Short s -> g.writeNumber(s);
            case Byte b -> g.writeNumber(b);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case BigDecimal d -> g.writeNumber(d);
            case BigInteger i -> g.writeNumber(i);
            case Instant t -> g.writeString(Timestamps.format(t));
            case InfoType t -> g.writeString(t.wireName());
            case JsonNode n -> tree(g, n);
            case Map<?, ?> m -> map(g, m);
            case Iterable<?> items -> {
                g.writeStartArray();
                for (Object item : items) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case CharSequence s -> g.writeString(s.toString());
            default ->
                throw new IllegalArgumentException(
                        "no JSON form for a " + value.getClass().getName());
        }
    }

    private static void map(JsonGenerator g, Map<?, ?> m) throws IOException {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            g.writeFieldName(String.valueOf(e.getKey()));
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** A JSON tree as parsed from a request or the store: objects, arrays and scalar nodes. */
    private static void tree(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                tree(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode item : n) {
                tree(g, item);
            }
            g.writeEndArray();
        } else if (n.isTextual()) {
            g.writeString(n.textValue());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else if (n.isNull() || n.isMissingNode()) {
            g.writeNull();
        } else if (n.isIntegralNumber()) {
            if (n.canConvertToLong()) {
                g.writeNumber(n.longValue());
            } else {
                g.writeNumber(n.bigIntegerValue());
            }
        } else if (n.isBigDecimal()) {
            g.writeNumber(n.decimalValue());
        } else if (n.isNumber()) {
            g.writeNumber(n.doubleValue());
        } else {
            throw new IllegalArgumentException("no JSON form for a " + n.getNodeType() + " node");
        }
    }

    /**
     * Evaluate's and ping's answers, most of the traffic, are written by small methods of their own ahead of the
     * switch: the switch's method is too big to compile cheaply (C1 needs 3.9 MiB for it, C2 gives up after 7 MiB:
     * serve.jvm-options' compiler-memory limit), and a server that answers only those never compiles it.
     */
    private static void record(JsonGenerator g, Record value) throws IOException {
        g.writeStartObject();
        if (value instanceof EvaluateResult r) {
            evaluate(g, r);
        } else if (value instanceof PingResult r) {
            ping(g, r);
        } else {
            otherRecord(g, value);
        }
        g.writeEndObject();
    }

    private static void evaluate(JsonGenerator g, EvaluateResult r) throws IOException {
        field(g, RESULT, r.result());
        field(g, RESULT_TYPE, r.resultType());
        g.writeFieldName(EXECUTION_TIME);
        g.writeNumber(r.executionTime());
        g.writeFieldName(HAS_ERROR);
        g.writeBoolean(r.hasError());
        field(g, TRANSCRIPT, r.transcript());
        field(g, OBJECT_ID, r.objectId());
        fieldIfSet(g, "suspended", r.suspended());
        fieldIfSet(g, "debug_id", r.debugId());
        fieldIfSet(g, "inspection", r.inspection());
    }

    private static void ping(JsonGenerator g, PingResult r) throws IOException {
        field(g, MESSAGE, r.message());
        field(g, STATUS, r.status());
        g.writeFieldName(UPTIME);
        g.writeNumber(r.uptime());
        field(g, SERVER_VERSION, r.serverVersion());
        field(g, ZMQ_BACKEND, r.zmqBackend());
    }

    private static void otherRecord(JsonGenerator g, Record value) throws IOException {
        switch (value) {
            case InspectResult r -> {
                field(g, "object_id", r.objectId());
                field(g, "object_info", r.objectInfo());
                field(g, "instance_vars", r.instanceVars());
                field(g, "instance_var_ids", r.instanceVarIds());
                field(g, "indexed", r.indexed());
                field(g, "methods", r.methods());
                fieldIfSet(g, "elements", r.elements());
                fieldIfSet(g, "offset", r.offset());
                fieldIfSet(g, "limit", r.limit());
                fieldIfSet(g, "total_count", r.totalCount());
            }
            case InspectElement r -> {
                field(g, "index", r.index());
                field(g, "value", r.value());
                field(g, "value_class", r.valueClass());
                field(g, "value_id", r.valueId());
                fieldIfSet(g, "key", r.key());
                fieldIfSet(g, "key_class", r.keyClass());
                fieldIfSet(g, "key_id", r.keyId());
            }
            case ObjectInfo r -> {
                field(g, "class_name", r.className());
                field(g, "string_representation", r.stringRepresentation());
                field(g, "hash", r.hash());
                field(g, "size", r.size());
            }
            case BrowseClassResult r -> {
                field(g, "class_info", r.classInfo());
                field(g, "instance_methods", r.instanceMethods());
                field(g, "class_methods", r.classMethods());
                field(g, "instance_vars", r.instanceVars());
                field(g, "class_vars", r.classVars());
            }
            case ClassInfo r -> {
                field(g, "name", r.name());
                field(g, "superclass", r.superclass());
                field(g, "comment", r.comment());
                field(g, "package", r.packageName());
                field(g, "is_system", r.isSystem());
            }
            case MethodInfo r -> {
                field(g, "name", r.name());
                field(g, "source", r.source());
                field(g, "category", r.category());
                field(g, "is_class_method", r.isClassMethod());
                field(g, "arguments", r.arguments());
                field(g, "comment", r.comment());
            }
            case ListClassesResult r -> {
                field(g, "classes", r.classes());
                field(g, "total_count", r.totalCount());
            }
            case GetMethodResult r -> field(g, "method", r.method());
            case SystemInfoResult r -> field(g, "info", r.info());
            case SystemInfo r -> systemInfo(g, r);
            case DebugResult r -> {
                field(g, "result", r.result());
                field(g, "debug_info", r.debugInfo());
            }
            case DebugInfo r -> {
                field(g, "current_line", r.currentLine());
                field(g, "current_method", r.currentMethod());
                field(g, "local_vars", r.localVars());
                field(g, "stack_trace", r.stackTrace());
                fieldIfSet(g, "debug_id", r.debugId());
                fieldIfSet(g, "state", r.state());
                fieldIfSet(g, "reason", r.reason());
                fieldIfSet(g, "frames", r.frames());
                fieldIfSet(g, "result", r.result());
            }
            case CreateSessionResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "client_id", r.clientId());
                field(g, "created_at", r.createdAt());
                field(g, "timeout", r.timeout());
                field(g, "is_active", r.isActive());
            }
            case RestoreSessionResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "client_id", r.clientId());
                field(g, "created_at", r.createdAt());
                field(g, "last_modified", r.lastModified());
                field(g, "timeout", r.timeout());
                field(g, "is_active", r.isActive());
                field(g, "session_state", r.sessionState());
                field(g, "workspace_context", r.workspaceContext());
                field(g, "inspector_state", r.inspectorState());
                field(g, "object_registry", r.objectRegistry());
            }
            case WorkspaceContext r -> field(g, "variables", r.variables());
            case InspectorState r -> field(g, "selected_object", r.selectedObject());
            case UpdateSessionStateResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "last_modified", r.lastModified());
                field(g, "session_state", r.sessionState());
                field(g, "update_successful", r.updateSuccessful());
            }
            case CloseSessionResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "closed", r.closed());
            }
            case SessionInfoResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "client_id", r.clientId());
                field(g, "created_at", r.createdAt());
                field(g, "last_modified", r.lastModified());
                field(g, "timeout", r.timeout());
                field(g, "is_active", r.isActive());
                field(g, "time_until_expiry", r.timeUntilExpiry());
                field(g, "is_expired", r.isExpired());
            }
            case ListClientSessionsResult r -> {
                field(g, "client_id", r.clientId());
                field(g, "session_count", r.sessionCount());
                field(g, "sessions", r.sessions());
            }
            case SessionSummary r -> {
                field(g, "session_id", r.sessionId());
                field(g, "created_at", r.createdAt());
                field(g, "last_modified", r.lastModified());
                field(g, "timeout", r.timeout());
                field(g, "is_active", r.isActive());
                field(g, "time_until_expiry", r.timeUntilExpiry());
            }
            case SessionStatisticsResult r -> {
                field(g, "total_sessions", r.totalSessions());
                field(g, "active_clients", r.activeClients());
                field(g, "max_sessions_per_client", r.maxSessionsPerClient());
                field(g, "default_timeout", r.defaultTimeout());
                field(g, "cleanup_interval", r.cleanupInterval());
            }
            case SaveContextResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "saved_at", r.savedAt());
                field(g, "variables", r.variables());
                field(g, "history_size", r.historySize());
            }
            case LoadContextResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "loaded_at", r.loadedAt());
                field(g, "variables", r.variables());
            }
            case ContextSummaryResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "variables", r.variables());
                field(g, "history_size", r.historySize());
                field(g, "last_evaluation", r.lastEvaluation());
                field(g, "inspector_state", r.inspectorState());
            }
            case VariableSummary r -> {
                field(g, "name", r.name());
                field(g, "class_name", r.className());
                field(g, "print_string", r.printString());
            }
            case LastEvaluation r -> {
                field(g, "code", r.code());
                field(g, "result", r.result());
                field(g, "at", r.at());
            }
            case ClearContextResult r -> {
                field(g, "session_id", r.sessionId());
                field(g, "cleared", r.cleared());
            }
            default -> {
                if (!value.getClass().getPackageName().equals(RESULT_PACKAGE)) {
                    throw new IllegalArgumentException(
                            "no JSON form for a " + value.getClass().getName());
                }
                components(g, value);
            }
        }
    }

    /**
     * Any other result record (the IDE tools', load_code's, run_tests'), component by component under its snake_case name.
     * Reflection here is off the hot path (ping and evaluate are written above) and loads no mapper class.
     */
    private static void components(JsonGenerator g, Record value) throws IOException {
        for (java.lang.reflect.RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + c.getName() + " of a " + value.getClass(), e);
            }
            field(g, snakeCase(c.getName()), v);
        }
    }

    /** {@code totalCount} to {@code total_count}, as the mapper's SNAKE_CASE strategy names it. */
    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** {@code system_info}'s info: the fields that are set, then the extra entries flat beside them. */
    private static void systemInfo(JsonGenerator g, SystemInfo r) throws IOException {
        fieldIfSet(g, "smalltalk_version", r.smalltalkVersion());
        fieldIfSet(g, "vm_version", r.vmVersion());
        fieldIfSet(g, "platform", r.platform());
        fieldIfSet(g, "memory_used", r.memoryUsed());
        fieldIfSet(g, "memory_free", r.memoryFree());
        fieldIfSet(g, "zmq_version", r.zmqVersion());
        fieldIfSet(g, "zmq_backend", r.zmqBackend());
        fieldIfSet(g, "uptime", r.uptime());
        fieldIfSet(g, "sessions", r.sessions());
        for (Map.Entry<String, Object> e : r.extraFields().entrySet()) {
            field(g, e.getKey(), e.getValue());
        }
    }

    private static void field(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        write(g, value);
    }

    private static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void field(JsonGenerator g, String name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void field(JsonGenerator g, String name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    private static void fieldIfSet(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            field(g, name, value);
        }
    }
}
