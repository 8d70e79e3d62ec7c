package io.stui.server.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.stui.protocol.Command;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.ClassHierarchyResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.ClassNode;
import io.stui.protocol.result.CommandDescription;
import io.stui.protocol.result.CompileMethodResult;
import io.stui.protocol.result.CompletionCandidate;
import io.stui.protocol.result.CompletionResult;
import io.stui.protocol.result.DefineClassResult;
import io.stui.protocol.result.DescribeResult;
import io.stui.protocol.result.GetHistoryResult;
import io.stui.protocol.result.HistoryItem;
import io.stui.protocol.result.ImplementorsResult;
import io.stui.protocol.result.InterruptResult;
import io.stui.protocol.result.IsCompleteResult;
import io.stui.protocol.result.MethodReference;
import io.stui.protocol.result.ReferencesResult;
import io.stui.protocol.result.RemoveClassResult;
import io.stui.protocol.result.RemoveMethodResult;
import io.stui.protocol.result.SearchMethodsResult;
import io.stui.protocol.result.SendersResult;
import io.stui.server.config.ServerConfig;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.Workspace;
import io.stui.smalltalk.tools.ClassTree;
import io.stui.smalltalk.tools.CompileOutcome;
import io.stui.smalltalk.tools.Completions;
import io.stui.smalltalk.tools.Hierarchy;
import io.stui.smalltalk.tools.InputStatus;
import io.stui.smalltalk.tools.MethodRef;
import io.stui.smalltalk.tools.Page;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The IDE tools over the wire (issue #15): completion and input checks, interrupt, navigation (senders,
 * implementors, references, hierarchy, method search), editing (compile, define, remove), history and
 * {@code describe}.
 *
 * <p>With a {@code session_id} the tools see and change that session's workspace (called in its lane; edits are
 * auto-saved). Without one, every tool reads and edits the server's default image (see
 * {@link SmalltalkCommands#inWorkspace}).
 */
public final class IdeCommands {
    /** The protocol version {@code describe} reports: the envelope encoding's {@code version}. */
    public static final String PROTOCOL_VERSION = "1.0.0";

    private final SmalltalkCommands smalltalk;
    private final ServerConfig config;
    private final String serverVersion;
    /** The events socket's endpoint, null when the server has none; set once at start. */
    private volatile String eventsEndpoint;

    public IdeCommands(SmalltalkCommands smalltalk, ServerConfig config, String serverVersion) {
        this.smalltalk = smalltalk;
        this.config = config;
        this.serverVersion = serverVersion;
    }

    /** What describe lists as the events endpoint (null: no events socket). */
    public void eventsEndpoint(String endpoint) {
        this.eventsEndpoint = endpoint;
    }

    // ---------------------------------------------------------------- completion, input checks

    public CompletionResult complete(Request.CodeCompletion req) {
        int cursor = req.cursor() == null ? req.code().length() : req.cursor();
        Completions c = smalltalk.classQuery(req.sessionId(), ws -> ws.complete(req.code(), cursor));
        List<CompletionCandidate> out = c.candidates().stream()
                .map(x -> new CompletionCandidate(x.text(), x.kind(), x.detail()))
                .toList();
        return new CompletionResult(out, c.replaceStart(), c.replaceEnd());
    }

    public IsCompleteResult isComplete(Request.IsComplete req) {
        InputStatus s = Workspace.isComplete(req.code());
        return new IsCompleteResult(s.status().name().toLowerCase(Locale.ROOT), s.indent());
    }

    // ---------------------------------------------------------------- interrupt

    /**
     * Runs on the front thread (placement INLINE), never behind the evaluation it stops: it only raises the
     * workspace's interrupt flag, which the interpreter checks between steps. A session runs one evaluation at a
     * time; with a {@code request_id}, it is stopped only when it is that request's (another one is left running and
     * the answer is {@code interrupted: false}), and a request that has not started yet is stopped as it starts.
     */
    public InterruptResult interrupt(Request.Interrupt req) {
        return new InterruptResult(
                smalltalk.session(req.sessionId()).interrupts().interrupt(req.requestId()));
    }

    // ---------------------------------------------------------------- navigation

    public SendersResult senders(Request.Senders req) {
        Page<MethodRef> p = smalltalk.classQuery(
                req.sessionId(), ws -> ws.navigation().senders(req.selector(), req.offset(), req.limit()));
        return new SendersResult(refs(p), p.totalCount());
    }

    public ImplementorsResult implementors(Request.Implementors req) {
        Page<MethodRef> p = smalltalk.classQuery(
                req.sessionId(), ws -> ws.navigation().implementors(req.selector(), req.offset(), req.limit()));
        return new ImplementorsResult(refs(p), p.totalCount());
    }

    public ReferencesResult references(Request.References req) {
        Page<MethodRef> p = smalltalk.classQuery(
                req.sessionId(), ws -> ws.navigation().references(req.name(), req.offset(), req.limit()));
        return new ReferencesResult(refs(p), p.totalCount());
    }

    public SearchMethodsResult searchMethods(Request.SearchMethods req) {
        Page<MethodRef> p = smalltalk.classQuery(
                req.sessionId(),
                ws -> ws.navigation().searchMethods(req.pattern(), req.text(), req.offset(), req.limit()));
        return new SearchMethodsResult(refs(p), p.totalCount());
    }

    private static List<MethodReference> refs(Page<MethodRef> p) {
        return p.items().stream()
                .map(r -> new MethodReference(r.className(), r.selector(), r.isClassMethod(), r.line()))
                .toList();
    }

    public ClassHierarchyResult classHierarchy(Request.ClassHierarchy req) {
        int depth = req.depth() == null ? -1 : req.depth();
        Hierarchy h = smalltalk
                .classQuery(req.sessionId(), ws -> ws.navigation().hierarchy(req.className(), depth))
                .orElseThrow(() -> SmalltalkCommands.classNotFound(req.className()));
        return new ClassHierarchyResult(h.superclasses(), nodes(h.subclasses().subclasses()));
    }

    private static List<ClassNode> nodes(List<ClassTree> trees) {
        List<ClassNode> out = new ArrayList<>(trees.size());
        for (ClassTree t : trees) {
            out.add(new ClassNode(t.name(), nodes(t.subclasses())));
        }
        return out;
    }

    // ---------------------------------------------------------------- editing

    public CompileMethodResult compileMethod(Request.CompileMethod req) {
        return edit(req.sessionId(), ws -> {
            requireClass(ws, req.className());
            CompileOutcome o;
            try {
                o = ws.editor().compileMethod(req.className(), req.source(), req.category(), req.isClassMethod());
            } catch (IllegalArgumentException e) {
                throw invalid(e);
            }
            if (!o.ok()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("line", o.line());
                details.put("column", o.column());
                details.put("message_text", o.error());
                throw new StuiException(
                        ErrorCode.COMPILATION_ERROR,
                        "Line " + o.line() + ", column " + o.column() + ": " + o.error()
                                + "; fix the source and compile again.",
                        details);
            }
            return new CompileMethodResult(o.selector(), req.className(), req.isClassMethod());
        });
    }

    public DefineClassResult defineClass(Request.DefineClass req) {
        return edit(req.sessionId(), ws -> {
            Reflection.ClassDescription d;
            try {
                if (req.definition() != null) {
                    d = ws.defineClass(req.definition());
                    if (req.traits() != null && !req.traits().isBlank()) {
                        ws.useTraits(d.info().name(), req.traits());
                    }
                } else {
                    if (req.superclass() != null) {
                        requireClass(ws, req.superclass());
                    }
                    boolean isNew = ws.describeClass(req.name()).isEmpty();
                    ws.editor()
                            .defineClass(
                                    req.name(),
                                    req.superclass(),
                                    req.instanceVars(),
                                    req.classVars(),
                                    req.classInstanceVars(),
                                    req.packageName());
                    if (req.traits() != null && !req.traits().isBlank()) {
                        try {
                            ws.useTraits(req.name(), req.traits());
                        } catch (IllegalArgumentException e) {
                            if (isNew) { // a class that cannot take its traits is not left half defined
                                ws.editor().removeClass(req.name());
                            }
                            throw e;
                        }
                    }
                    d = ws.describeClass(req.name()).orElseThrow(() -> SmalltalkCommands.classNotFound(req.name()));
                }
            } catch (IllegalArgumentException e) {
                throw invalid(e);
            }
            Reflection.ClassInfo c = d.info();
            return new DefineClassResult(
                    new ClassInfo(c.name(), c.superclass(), c.comment(), c.category(), c.isSystem()));
        });
    }

    public RemoveMethodResult removeMethod(Request.RemoveMethod req) {
        return edit(req.sessionId(), ws -> {
            requireClass(ws, req.className());
            try {
                return new RemoveMethodResult(
                        ws.editor().removeMethod(req.className(), req.methodName(), req.isClassMethod()));
            } catch (IllegalArgumentException e) {
                throw invalid(e);
            }
        });
    }

    public RemoveClassResult removeClass(Request.RemoveClass req) {
        return edit(req.sessionId(), ws -> {
            try {
                return new RemoveClassResult(ws.editor().removeClass(req.className()));
            } catch (IllegalArgumentException e) {
                throw invalid(e);
            }
        });
    }

    /** Runs an edit in a session's workspace (auto-saved afterwards) or, without a session, in the default image. */
    private <T> T edit(String sessionId, Function<Workspace, T> change) {
        return smalltalk.inWorkspace(sessionId, true, change);
    }

    private static void requireClass(Workspace ws, String className) {
        if (ws.describeClass(className).isEmpty()) {
            throw SmalltalkCommands.classNotFound(className);
        }
    }

    private static StuiException invalid(IllegalArgumentException e) {
        return new StuiException(ErrorCode.INVALID_REQUEST, e.getMessage() + ".");
    }

    // ---------------------------------------------------------------- history

    public GetHistoryResult history(Request.GetHistory req) {
        SessionWorkspace sw = smalltalk.workspace(smalltalk.session(req.sessionId()));
        List<Reflection.HistoryEntry> all = sw.workspace().history();
        int from = Math.min(req.offset(), all.size());
        int to = (int) Math.min((long) from + req.limit(), all.size());
        List<HistoryItem> page = all.subList(from, to).stream()
                .map(e -> new HistoryItem(e.code(), e.result(), e.ok(), e.timestamp()))
                .toList();
        return new GetHistoryResult(page, all.size());
    }

    // ---------------------------------------------------------------- describe

    /**
     * What this server offers. The command list is generated: every {@link Command}, its parameters read from the
     * components of the request record the command table takes for it ({@code requestType}).
     */
    public DescribeResult describe(Function<Command, Class<? extends Request>> requestType) {
        List<CommandDescription> commands = new ArrayList<>();
        for (Command c : Command.values()) {
            List<String> params = new ArrayList<>();
            for (RecordComponent rc : requestType.apply(c).getRecordComponents()) {
                JsonProperty named = rc.getAccessor().getAnnotation(JsonProperty.class);
                params.add(named != null ? named.value() : wireName(rc.getName()));
            }
            commands.add(new CommandDescription(c.snakeName(), c.pascalName(), params));
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("eval_timeout_ms", config.limits().evalTimeout().toMillis());
        limits.put("instruction_budget", config.limits().instructionBudget());
        limits.put("max_message_size", config.front().maxMessageSize());
        limits.put("max_sessions_per_client", config.sessions().maxPerClient());
        limits.put("session_queue_capacity", config.front().sessionQueueCapacity());
        limits.put("max_page", Request.MAX_PAGE);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("completion", true);
        capabilities.put("is_complete", true);
        capabilities.put("interrupt", true);
        capabilities.put("navigation", true);
        capabilities.put("editing", true);
        capabilities.put("debugger", "live");
        capabilities.put("events_endpoint", eventsEndpoint);
        return new DescribeResult(
                serverVersion, PROTOCOL_VERSION, List.of("command", "envelope"), commands, limits, capabilities);
    }

    /** A record component's parameter name on the wire (without a {@code JsonProperty}): its snake_case. */
    static String wireName(String component) {
        StringBuilder b = new StringBuilder();
        for (char ch : component.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
