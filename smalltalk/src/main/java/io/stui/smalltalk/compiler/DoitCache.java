package io.stui.smalltalk.compiler;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.VariableResolver;
import io.stui.smalltalk.syntax.Parser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session's recently compiled doits, by source text, so that a workspace evaluating the same
 * expression again (the server's scratch workspace answering {@code 3 + 4} for every client, a user
 * re-running a line) skips parsing and compiling.
 *
 * <p>A compiled doit depends on two things outside its source: the environment's definitions
 * (whether a name is a global, which the environment's {@link Environment#token token} tracks) and the
 * workspace variables the compiler resolved names to (their {@link Binding} objects are wired into the
 * code). An entry is reused only when the token is the one it was compiled under and every name the
 * compiler asked about still resolves to the very binding (or absence) it saw; otherwise it is compiled
 * again. Literals need no check: mutable ones are copied on every execution ({@code CopyLit}).
 *
 * <p>Used by one evaluation at a time, on the session's evaluation thread; not thread-safe.
 */
public final class DoitCache {
    /** Entries kept per session; a re-run is usually of something evaluated moments ago. */
    public static final int CAPACITY = 16;
    /** Longer sources are compiled every time: re-running them is rare and their trees are large. */
    public static final int MAX_SOURCE_LENGTH = 2_048;

    private record Cached(CompiledMethod method, Object token, String[] names, Binding[] bindings) {}

    private final Map<String, Cached> entries = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The compiled doit for {@code code}: the cached one when still valid, else freshly parsed and
     * compiled against {@code resolver} (and remembered when cacheable).
     *
     * @throws io.stui.smalltalk.syntax.SyntaxError when the code does not parse or compile
     */
    public CompiledMethod compile(
            String code, Environment env, Map<String, Binding> variables, VariableResolver resolver) {
        Object token = env.token();
        Cached cached = entries.get(code);
        if (cached != null && cached.token == token && stillBound(cached, variables)) {
            return cached.method;
        }
        boolean cacheable = code.length() <= MAX_SOURCE_LENGTH;
        Recording recording = cacheable ? new Recording(resolver) : null;
        CompiledMethod doit = new CompiledMethod(
                Parser.parseDoit(code),
                env.classes.undefinedObject,
                "doits",
                null,
                false,
                cacheable ? recording : resolver,
                Compiler.bodies(env.classes));
        doit.ensureCompiled();
        if (cacheable && env.token() == token) {
            String[] names = recording.names.toArray(new String[0]);
            Binding[] bindings = new Binding[names.length];
            for (int i = 0; i < names.length; i++) {
                bindings[i] = variables.get(names[i]);
            }
            entries.put(code, new Cached(doit, token, names, bindings));
        } else {
            entries.remove(code);
        }
        return doit;
    }

    private static boolean stillBound(Cached e, Map<String, Binding> variables) {
        for (int i = 0; i < e.names.length; i++) {
            if (variables.get(e.names[i]) != e.bindings[i]) {
                return false;
            }
        }
        return true;
    }

    /** Number of cached doits (for tests). */
    public int size() {
        return entries.size();
    }

    /** Passes every question on, noting each name the compiler asked about. */
    private static final class Recording implements VariableResolver {
        private final VariableResolver delegate;
        private final Set<String> names = new LinkedHashSet<>();

        Recording(VariableResolver delegate) {
            this.delegate = delegate;
        }

        private void note(String name) {
            names.add(name);
        }

        @Override
        public Binding existing(String name) {
            note(name);
            return delegate.existing(name);
        }

        @Override
        public Binding declare(String name) {
            note(name);
            return delegate.declare(name);
        }

        @Override
        public boolean isClass(String name) {
            note(name);
            return delegate.isClass(name);
        }

        @Override
        public boolean isGlobal(String name) {
            note(name);
            return delegate.isGlobal(name);
        }
    }
}
