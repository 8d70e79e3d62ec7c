package io.stui.smalltalk.image;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.VariableResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one workspace keeps between evaluations, and what its snapshot saves: its environment over the kernel
 * (classes, methods, globals it defined), its variables, its object registry and its history.
 */
public final class WorkspaceState {
    /** One evaluation as the history records it: the result's printString, or the failure's description. */
    public record HistoryEntry(String code, String result, boolean ok, Instant timestamp) {}

    /** History entries kept: the newest ones. */
    public static final int HISTORY_CAPACITY = 1_000;

    private final ClassTable classes;
    private final Environment env;
    private final LinkedHashMap<String, Binding> variables = new LinkedHashMap<>();
    private final ObjectRegistry registry = new ObjectRegistry();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final VariableResolver resolver;

    public WorkspaceState(ClassTable classes) {
        this(classes, null);
    }

    /** A workspace's state, layered over {@code parent} (another workspace's environment) when not null. */
    public WorkspaceState(ClassTable classes, Environment parent) {
        this.classes = classes;
        this.env = new Environment(classes, false, parent);
        this.resolver = new VariableResolver() {
            @Override
            public Binding existing(String name) {
                return variables.get(name);
            }

            @Override
            public Binding declare(String name) {
                return variables.computeIfAbsent(name, n -> new Binding(n, null));
            }

            @Override
            public boolean isClass(String name) {
                return env.global(name) instanceof StClass;
            }

            @Override
            public boolean isGlobal(String name) {
                return env.binding(name) != null;
            }
        };
    }

    /** Variables of the tools that asked for their own scope (by tool id), apart from the workspace's. */
    private final Map<String, Map<String, Binding>> toolScopes = new java.util.concurrent.ConcurrentHashMap<>();

    /** The variables of tool {@code toolId} (created empty on first use; not kept in snapshots); null: the workspace's. */
    public Map<String, Binding> scope(String toolId) {
        if (toolId == null) return variables;
        return toolScopes.computeIfAbsent(toolId, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /** The tools' own variable scopes (a copy of the list; each scope is synchronized). */
    public List<Map<String, Binding>> toolScopes() {
        return List.copyOf(toolScopes.values());
    }

    public ClassTable classes() {
        return classes;
    }

    public Environment environment() {
        return env;
    }

    /** Workspace variables by name, in declaration order (top-level assignments declare them). */
    public Map<String, Binding> variables() {
        return variables;
    }

    /** How doits compiled in this workspace find and declare its variables. */
    public VariableResolver resolver() {
        return resolver;
    }

    public ObjectRegistry registry() {
        return registry;
    }

    /** Synchronized like {@link #history()}: an abandoned evaluation may still finish while the next one runs. */
    public void addHistory(HistoryEntry e) {
        synchronized (history) {
            history.add(e);
            if (history.size() > HISTORY_CAPACITY) history.remove(0);
        }
    }

    public List<HistoryEntry> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Forgets variables, workspace classes, extensions, globals, history and registry. */
    public void clear() {
        variables.clear();
        toolScopes.clear();
        env.clearDefinitions();
        synchronized (history) {
            history.clear();
        }
        registry.clear();
    }
}
