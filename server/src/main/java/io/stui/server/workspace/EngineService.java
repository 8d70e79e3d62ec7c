package io.stui.server.workspace;

import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;
import io.stui.server.StuiServer;
import io.stui.server.command.ContextCommands;
import io.stui.server.command.SmalltalkCommands;
import io.stui.server.command.WorkspaceFacts;
import io.stui.server.front.RequestDispatcher;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.SmalltalkEngine;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SmalltalkService} over the embedded engine of the {@code smalltalk} module. */
public final class EngineService implements SmalltalkService {

    private static final Logger log = LoggerFactory.getLogger(EngineService.class);
    /** Bytes one evaluation may allocate; keeps the server well under its memory target. */
    private static final long MAX_ALLOCATION_BYTES = 64L << 20;
    /**
     * Old-generation ceiling of the serial collector ({@link OldGenerationCeiling}): at least this many MiB
     * ({@code -Dstui.oldGenFloorMiB}) and this multiple of what survived the last full collection
     * ({@code -Dstui.oldGenFactor}).
     */
    private static final long OLD_GEN_FLOOR_BYTES = Long.getLong("stui.oldGenFloorMiB", 8L) << 20;

    private static final double OLD_GEN_FACTOR = Double.parseDouble(System.getProperty("stui.oldGenFactor", "1.15"));

    private final SmalltalkEngine engine;
    private final WorkspaceRegistry workspaces;
    private final AutoSaver autoSaver;
    private final SmalltalkCommands smalltalk;
    private final ContextCommands contexts;
    private final StuiServer.ServiceParts parts;
    private final RequestDispatcher.Handler handler;
    private final Optional<OldGenerationCeiling> oldGenCeiling;

    public EngineService(StuiServer.ServiceParts parts) {
        this.parts = parts;
        this.engine = SmalltalkEngine.boot();
        this.workspaces = new WorkspaceRegistry(engine, parts.store(), Clock.systemUTC());
        this.autoSaver = new AutoSaver(
                parts.config().autosaveDelay(),
                parts.lanes(),
                parts.store(),
                workspaces::autoSnapshot,
                parts.metrics()::autosaved);
        EvalLimits limits = EvalLimits.defaults()
                .withTimeout(parts.config().evalTimeout())
                .withInstructionBudget(parts.config().instructionBudget())
                .withMaxAllocationBytes(MAX_ALLOCATION_BYTES);
        this.smalltalk =
                new SmalltalkCommands(engine, parts.sessions(), workspaces, autoSaver, parts.metrics(), limits);
        this.contexts = new ContextCommands(smalltalk, workspaces, parts.store(), parts.sessions(), autoSaver);
        this.handler = this::handle;
        // session requests promote history entries into the old generation; keep it collected
        this.oldGenCeiling = OldGenerationCeiling.install(OLD_GEN_FLOOR_BYTES, OLD_GEN_FACTOR);
        log.info("event=engine_ready version=\"{}\" kernel_classes={}", engine.version(), engine.kernelClassCount());
    }

    private CommandResult handle(Request request) {
        return switch (request) {
            case Request.Evaluate r -> smalltalk.evaluate(r);
            case Request.Inspect r -> smalltalk.inspect(r);
            case Request.BrowseClass r -> smalltalk.browseClass(r);
            case Request.ListClasses r -> smalltalk.listClasses(r);
            case Request.GetMethod r -> smalltalk.getMethod(r);
            case Request.Debug r -> smalltalk.debug(r);
            case Request.SaveContext r -> contexts.save(r);
            case Request.LoadContext r -> contexts.load(r);
            case Request.GetContextSummary r -> contexts.summary(r);
            case Request.ClearContext r -> contexts.clear(r);
            default -> throw new IllegalArgumentException(request.command() + " is not a Smalltalk command");
        };
    }

    @Override
    public RequestDispatcher.Handler handler() {
        return handler;
    }

    @Override
    public WorkspaceFacts facts(String sessionId) {
        SessionWorkspace sw = workspaces.get(sessionId);
        List<Reflection.VariableInfo> vars = sw.workspace().variables();
        Map<String, String> registry = new LinkedHashMap<>();
        for (Reflection.VariableInfo v : vars) {
            if (v.objectId() != null) {
                registry.put(v.objectId(), v.className() + ": " + v.printString());
            }
        }
        sw.knownObjects().forEach(registry::putIfAbsent);
        return new WorkspaceFacts(
                vars.stream().map(Reflection.VariableInfo::name).toList(), sw.selectedObject(), registry);
    }

    @Override
    public List<Map<String, Object>> packages() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Reflection.ClassInfo c : smalltalkClasses()) {
            counts.merge(c.category() == null ? "Unpackaged" : c.category(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> Map.<String, Object>of("name", e.getKey(), "class_count", e.getValue()))
                .toList();
    }

    private List<Reflection.ClassInfo> smalltalkClasses() {
        return smalltalk.classes("*", true);
    }

    @Override
    public String version() {
        return engine.version();
    }

    @Override
    public void sessionEnded(String sessionId) {
        workspaces.remove(sessionId).ifPresent(sw -> {
            // close in the session's lane so it never cuts an evaluation short; directly when stopping
            if (!parts.lanes().submit(sessionId, () -> sw.workspace().close())) {
                sw.workspace().close();
            }
        });
    }

    @Override
    public int parkIdle(long idleMillis) {
        long now = parts.sessions().now();
        int parked = 0;
        for (String id : workspaces.liveIds()) {
            boolean idle = parts.sessions()
                    .find(id)
                    .map(s -> now - s.lastAccess() >= idleMillis)
                    .orElse(false);
            if (idle) {
                // in the session's lane, so it never races a request of that session
                SessionWorkspace sw = workspaces.peek(id).orElse(null);
                if (sw != null
                        && !sw.isParked()
                        && parts.lanes().submit(id, () -> sw.workspace().close())) {
                    sw.parked(true);
                    parked++;
                }
            }
        }
        return parked;
    }

    @Override
    public void saveAll() {
        autoSaver.close();
        int n = workspaces.saveAllDirty();
        log.info("event=workspaces_saved count={}", n);
    }

    @Override
    public void close() {
        oldGenCeiling.ifPresent(OldGenerationCeiling::close);
        autoSaver.close();
        workspaces.closeAll();
        smalltalk.closeSystem();
    }
}
