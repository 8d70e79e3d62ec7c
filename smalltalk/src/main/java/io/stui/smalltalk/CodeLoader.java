package io.stui.smalltalk;

import io.stui.smalltalk.image.ChunkFileReader;
import io.stui.smalltalk.image.Definitions;
import io.stui.smalltalk.image.Definitions.ClassDef;
import io.stui.smalltalk.image.Definitions.Doit;
import io.stui.smalltalk.image.Definitions.MethodDef;
import io.stui.smalltalk.image.LoadSupport;
import io.stui.smalltalk.image.Problem;
import io.stui.smalltalk.image.SourceText;
import io.stui.smalltalk.image.TonelReader;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads Tonel and chunk-format files into a workspace, all or nothing: every file is read and every method parsed
 * before anything changes; then traits, classes (superclasses first), methods, trait compositions and class-side
 * {@code initialize} (as Monticello runs it) are applied, and the first failure puts the workspace back as it was.
 * Chunk files follow, in the order given, their expressions evaluated as they come.
 *
 * <p>A lenient load (for running other people's test packages, never the protocol's load) leaves out what it
 * cannot define, a class whose superclass is missing with its subclasses and methods, a method whose class is
 * missing, a composition that fails, and reports each in {@link LoadResult#skipped()}.
 */
final class CodeLoader {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    private final Environment env;
    private final Evaluator evaluator;
    private final EvalLimits limits;
    private final AtomicBoolean interrupt;
    private final boolean lenient;
    private final List<LoadFailure> skipped = new ArrayList<>();
    private final List<String> classes = new ArrayList<>();
    private final List<String> traits = new ArrayList<>();
    private int methods;
    private int doitsEvaluated;

    private CodeLoader(
            Environment env, Evaluator evaluator, EvalLimits limits, AtomicBoolean interrupt, boolean lenient) {
        this.env = env;
        this.evaluator = evaluator;
        this.limits = limits;
        this.interrupt = interrupt;
        this.lenient = lenient;
    }

    /** Thrown inside a load to stop it; carries the failure to report. */
    private static final class Failed extends Exception {
        final LoadFailure failure;

        Failed(Problem p) {
            super(p.message(), null, false, false);
            this.failure = failure(p);
        }
    }

    /**
     * Loads {@code files} into a workspace on the calling thread (an evaluation thread); the expressions a load
     * runs (file-out definitions, compositions, class-side initialize) go through the workspace's evaluator under
     * {@code limits}.
     */
    static LoadResult load(
            WorkspaceState state,
            Evaluator evaluator,
            EvalLimits limits,
            AtomicBoolean interrupt,
            List<SourceFile> files,
            boolean lenient) {
        return new CodeLoader(state.environment(), evaluator, limits, interrupt, lenient).run(files);
    }

    private LoadResult run(List<SourceFile> files) {
        List<Definitions.ReadFile> tonel = new ArrayList<>();
        List<Definitions.ReadFile> chunks = new ArrayList<>();
        try {
            for (SourceFile f : files) {
                Definitions.ReadFile r = read(f);
                (r.declaration() != null ? tonel : chunks).add(r);
            }
        } catch (Failed e) {
            return LoadResult.failed(e.failure);
        }
        LoadSupport.Checkpoint checkpoint = LoadSupport.checkpoint(env);
        try {
            loadTonel(tonel);
            for (Definitions.ReadFile f : chunks) loadChunks(f);
        } catch (Failed e) {
            checkpoint.restore();
            return LoadResult.failed(e.failure);
        } catch (RuntimeException e) {
            checkpoint.restore();
            throw e;
        }
        return new LoadResult(
                null, List.copyOf(classes), List.copyOf(traits), methods, doitsEvaluated, List.copyOf(skipped));
    }

    // ------------------------------------------------------------ reading (no change to the workspace)

    private Definitions.ReadFile read(SourceFile source) throws Failed {
        SourceText f = new SourceText(source.name(), source.contents());
        String name = f.name();
        boolean tonel = name.endsWith(".class.st")
                || name.endsWith(".trait.st")
                || name.endsWith(".extension.st")
                || name.equals("package.st")
                || name.endsWith("/package.st")
                || TonelReader.looksLikeTonel(f.contents());
        Definitions.ReadFile r;
        if (tonel) {
            try {
                r = TonelReader.read(f);
            } catch (TonelReader.Malformed e) {
                throw new Failed(Definitions.Where.at(f, e.offset, e.getMessage()));
            }
            List<MethodDef> parsed = new ArrayList<>();
            for (MethodDef m : r.methods()) if (parse(m)) parsed.add(m);
            r = new Definitions.ReadFile(f, r.declaration(), parsed, List.of());
        } else {
            r = ChunkFileReader.read(f);
            List<Object> kept = new ArrayList<>();
            for (Object item : r.chunkItems()) {
                if (item instanceof MethodDef m) {
                    if (parse(m)) kept.add(m);
                } else if (item instanceof Doit d) {
                    try {
                        Parser.parseDoit(d.code());
                        kept.add(d);
                    } catch (SyntaxError e) {
                        problem(Definitions.Where.at(f, d.where().offset() + e.offset(), e.getMessage()));
                    }
                }
            }
            r = new Definitions.ReadFile(f, null, List.of(), kept);
        }
        return r;
    }

    /** Parses a method; false when a lenient load leaves it out for a syntax error. */
    private boolean parse(MethodDef m) throws Failed {
        try {
            Parser.parseMethod(m.source());
            return true;
        } catch (SyntaxError e) {
            problem(m.failure(e.offset(), m.target() + " " + e.getMessage()));
        } catch (StackOverflowError e) {
            problem(m.failure(0, m.target() + " the method is nested too deeply"));
        }
        return false;
    }

    // ------------------------------------------------------------ Tonel

    private void loadTonel(List<Definitions.ReadFile> files) throws Failed {
        List<ClassDef> traitDefs = new ArrayList<>();
        List<ClassDef> classDefs = new ArrayList<>();
        Map<String, List<MethodDef>> methodsOf = new LinkedHashMap<>();
        for (Definitions.ReadFile f : files) {
            ClassDef d = f.declaration();
            switch (d.kind) {
                case TRAIT -> traitDefs.add(d);
                case CLASS -> classDefs.add(d);
                default -> {}
            }
            for (MethodDef m : f.methods())
                methodsOf.computeIfAbsent(m.className(), k -> new ArrayList<>()).add(m);
        }
        for (ClassDef d : traitDefs) {
            try {
                LoadSupport.defineTrait(env, d.name, d.instVars, d.effectiveCategory(), d.packageName);
            } catch (IllegalArgumentException e) {
                throw new Failed(d.where.failure(e.getMessage()));
            }
            traits.add(d.name);
            if (d.comment != null) LoadSupport.setComment(LoadSupport.classNamed(env, d.name), d.comment);
        }
        Set<String> left = defineClasses(classDefs);
        for (Map.Entry<String, List<MethodDef>> e : methodsOf.entrySet()) {
            if (left.contains(e.getKey())) continue;
            StClass c = LoadSupport.classNamed(env, e.getKey());
            for (MethodDef m : e.getValue()) {
                if (c == null) {
                    problem(Definitions.Where.at(
                            m.file(), m.patternOffset(), m.target() + ": " + e.getKey() + " is not defined"));
                    continue;
                }
                compile(c, m);
            }
        }
        List<ClassDef> composed = new ArrayList<>(orderTraits(traitDefs));
        for (ClassDef d : classDefs) if (!left.contains(d.name)) composed.add(d);
        for (ClassDef d : composed) {
            if (d.traits != null && !d.traits.isBlank()) compose(d, d.name, d.traits);
            if (d.classTraits != null && !d.classTraits.isBlank()) compose(d, d.name + " class", d.classTraits);
        }
        for (ClassDef d : classDefs) {
            if (left.contains(d.name)) continue;
            StClass c = LoadSupport.classNamed(env, d.name);
            if (c != null && hasOwnClassSideInitialize(d.name, methodsOf))
                evaluate(d.name + " initialize", d, "initialize");
        }
    }

    /** Defines classes superclasses first; answers the names a lenient load left out. */
    private Set<String> defineClasses(List<ClassDef> defs) throws Failed {
        Map<String, ClassDef> byName = new HashMap<>();
        for (ClassDef d : defs) byName.put(d.name, d);
        Set<String> done = new HashSet<>();
        Set<String> left = new HashSet<>();
        List<ClassDef> pending = new ArrayList<>(defs);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (ClassDef d : new ArrayList<>(pending)) {
                String sup = superclassName(d);
                boolean ready = sup == null
                        || done.contains(sup)
                        || (!byName.containsKey(sup) && LoadSupport.classNamed(env, sup) != null)
                        || (byName.containsKey(sup) && left.contains(sup));
                if (!ready) continue;
                pending.remove(d);
                progress = true;
                if (sup != null && left.contains(sup)) {
                    left.add(d.name);
                    problem(d.where.failure(d.name + " is left out: its superclass " + sup + " was left out"));
                    continue;
                }
                define(d, sup, left);
                if (!left.contains(d.name)) done.add(d.name);
            }
        }
        for (ClassDef d : pending) {
            // superclass neither in the workspace nor among these files (or a cycle)
            left.add(d.name);
            problem(d.where.failure("the superclass " + superclassName(d) + " of " + d.name + " is not defined"));
        }
        // a lenient load may have left out a class whose subclasses were still pending: they are left out too
        return left;
    }

    private static String superclassName(ClassDef d) {
        return d.superclass == null || d.superclass.equals("nil") ? null : d.superclass;
    }

    private void define(ClassDef d, String sup, Set<String> left) throws Failed {
        boolean variable = false;
        if (d.type != null) {
            switch (d.type) {
                case "variable", "weak" -> variable = true;
                case "normal" -> {}
                default -> {
                    left.add(d.name);
                    problem(d.where.failure(d.name + ": classes of type #" + d.type + " are not supported here"));
                    return;
                }
            }
        }
        try {
            StClass c = LoadSupport.defineClass(
                    env,
                    d.name,
                    sup,
                    d.instVars,
                    d.classVars,
                    d.classInstVars,
                    d.effectiveCategory(),
                    d.packageName,
                    variable);
            if (d.comment != null) LoadSupport.setComment(c, d.comment);
            classes.add(d.name);
        } catch (IllegalArgumentException e) {
            left.add(d.name);
            problem(d.where.failure(e.getMessage()));
        }
    }

    private void compile(StClass c, MethodDef m) throws Failed {
        try {
            LoadSupport.compile(env, m.classSide() ? c.metaclass() : c, m.source(), m.category());
            methods++;
        } catch (SyntaxError e) {
            problem(m.failure(e.offset(), m.target() + " " + e.getMessage()));
        } catch (StackOverflowError e) {
            problem(m.failure(0, m.target() + " the method is nested too deeply"));
        }
    }

    /** Traits used by other traits are composed first, so a user copies what its traits finally hold. */
    private static List<ClassDef> orderTraits(List<ClassDef> defs) {
        Map<String, ClassDef> byName = new LinkedHashMap<>();
        for (ClassDef d : defs) byName.put(d.name, d);
        List<ClassDef> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (ClassDef d : defs) visit(d, byName, visiting, out);
        return out;
    }

    private static void visit(ClassDef d, Map<String, ClassDef> byName, Set<String> visiting, List<ClassDef> out) {
        if (out.contains(d) || !visiting.add(d.name)) return;
        for (String expr : new String[] {d.traits, d.classTraits}) {
            if (expr == null) continue;
            Matcher m = NAME.matcher(expr);
            while (m.find()) {
                ClassDef dep = byName.get(m.group());
                if (dep != null) visit(dep, byName, visiting, out);
            }
        }
        out.add(d);
    }

    private void compose(ClassDef d, String target, String composition) throws Failed {
        evaluate(target + " setTraitComposition: (" + composition + ")", d, "trait composition");
    }

    private boolean hasOwnClassSideInitialize(String name, Map<String, List<MethodDef>> methodsOf) {
        for (MethodDef m : methodsOf.getOrDefault(name, List.of()))
            if (m.classSide() && Parser.selectorOf(m.source()).equals("initialize")) return true;
        return false;
    }

    private void evaluate(String code, ClassDef d, String what) throws Failed {
        Evaluator.Outcome out = evaluator.evaluate(code, limits, interrupt, false);
        if (out.failure() != null)
            problem(d.where.failure(
                    d.name + ": " + what + " failed: " + out.failure().describe()));
    }

    // ------------------------------------------------------------ chunk format

    private void loadChunks(Definitions.ReadFile f) throws Failed {
        for (Object item : f.chunkItems()) {
            if (item instanceof Doit d) {
                Evaluator.Outcome out = evaluator.evaluate(d.code(), limits, interrupt, false);
                doitsEvaluated++;
                EvalFailure failure = out.failure();
                if (failure != null) problem(d.where().failure(failure.describe()));
                StClass defined = out.value() instanceof StClass c ? c : null;
                if (defined != null && !classes.contains(defined.name) && definesClass(d.code())) {
                    (defined.isTrait ? traits : classes).add(defined.name);
                }
            } else if (item instanceof MethodDef m) {
                StClass c = LoadSupport.classNamed(env, m.className());
                if (c == null) {
                    problem(Definitions.Where.at(
                            m.file(), m.patternOffset(), m.target() + ": " + m.className() + " is not defined"));
                    continue;
                }
                compile(c, m);
            }
        }
    }

    private static boolean definesClass(String code) {
        return code.contains("subclass:") || code.contains("Trait named:") || code.contains("<<");
    }

    /** Strict: the load fails here. Lenient: the problem is reported and the load goes on. */
    private void problem(Problem p) throws Failed {
        if (!lenient) throw new Failed(p);
        skipped.add(failure(p));
    }

    private static LoadFailure failure(Problem p) {
        return new LoadFailure(p.file(), p.line(), p.column(), p.message());
    }
}
