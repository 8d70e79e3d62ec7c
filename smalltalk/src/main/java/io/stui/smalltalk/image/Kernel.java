package io.stui.smalltalk.image;

import io.stui.smalltalk.compiler.Compiler;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.Char;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.primitives.Primitives;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Smalltalk kernel: core classes created in Java, then the kernel's Smalltalk sources loaded
 * from resources. Booted once per JVM and frozen: workspaces only ever read it.
 */
public final class Kernel {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    /** Version string answered by {@code Smalltalk version}. */
    public static final String VERSION = "STUI Smalltalk 0.1 (Smalltalk-80 with Pharo conventions)";

    static final String RESOURCE_DIR = "/io/stui/smalltalk/kernel/";
    public static volatile Kernel K;

    public final Map<String, Binding> globals = new LinkedHashMap<>();
    public final List<StClass> classes = new ArrayList<>();
    public final Environment bootEnv;
    private boolean frozen;

    public StClass object,
            behavior,
            classDescription,
            classClass,
            metaclass,
            undefinedObject,
            booleanClass,
            trueClass,
            falseClass;
    public StClass magnitude,
            character,
            number,
            integer,
            smallInteger,
            largePos,
            largeNeg,
            floatClass,
            smallFloat,
            boxedFloat;
    public StClass collection,
            seqCollection,
            arrayedCollection,
            array,
            string,
            byteString,
            wideString,
            symbol,
            byteSymbol,
            wideSymbol,
            byteArray;
    public StClass blockClosure, context, compiledMethod, messageClass;
    public StClass errorClass;
    public CompiledMethod onDoMethod;
    public int exMessageText, exSignalContext, exHandlerContext;
    public final StSymbol symDnu = StSymbol.of("doesNotUnderstand:");
    public final StSymbol symDefaultAction = StSymbol.of("defaultAction");
    public final StSymbol symHandles = StSymbol.of("handles:");
    final Map<String, Primitive> primitives;

    private Kernel() {
        this.primitives = Primitives.all();
        this.bootEnv = new Environment(this, true);
    }

    /** Boots the kernel once per JVM; later calls answer the same frozen instance. */
    public static Kernel boot() {
        Kernel k = K;
        if (k != null) return k;
        synchronized (Kernel.class) {
            if (K != null) return K;
            long t0 = System.nanoTime();
            k = new Kernel();
            K = k;
            try {
                k.createCore();
                k.loadSources();
                k.linkKernelClasses();
            } catch (RuntimeException e) {
                K = null;
                throw e;
            }
            k.frozen = true;
            LOG.debug(
                    "Smalltalk kernel booted in {} ms: {} classes",
                    (System.nanoTime() - t0) / 1_000_000,
                    k.classes.size());
            return k;
        }
    }

    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Boots a second, independent kernel and answers the time it took in nanoseconds. For boot benchmarks only:
     * while it runs, no workspace of this JVM may evaluate.
     */
    public static synchronized long measureBootNanos() {
        Kernel current = boot();
        long t0 = System.nanoTime();
        Kernel k = new Kernel();
        K = k;
        try {
            k.createCore();
            k.loadSources();
            k.linkKernelClasses();
            k.frozen = true;
            return System.nanoTime() - t0;
        } finally {
            K = current;
        }
    }

    // ------------------------------------------------------------ class of any value

    public static StClass classOf(Object o) {
        Kernel k = K;
        if (o instanceof StObject so) return so.cls;
        if (o instanceof Long) return k.smallInteger;
        if (o == null) return k.undefinedObject;
        if (o instanceof Boolean b) return b ? k.trueClass : k.falseClass;
        if (o instanceof Double d) return isSmallFloat(d) ? k.smallFloat : k.boxedFloat;
        if (o instanceof StSymbol s) return s.isWide() ? k.wideSymbol : k.byteSymbol;
        if (o instanceof StString s) return s.isWide() ? k.wideString : k.byteString;
        if (o instanceof Char) return k.character;
        if (o instanceof Object[]) return k.array;
        if (o instanceof StBlock) return k.blockClosure;
        if (o instanceof BigInteger b) return b.signum() < 0 ? k.largeNeg : k.largePos;
        if (o instanceof byte[]) return k.byteArray;
        if (o instanceof Context) return k.context;
        if (o instanceof CompiledMethod) return k.compiledMethod;
        return k.object;
    }

    /** Spur's immediate float range: 8-bit exponent (about 1e-38 .. 1e38) and +0.0. */
    static boolean isSmallFloat(double d) {
        if (d == 0.0) return Double.doubleToRawLongBits(d) == 0L;
        if (Double.isNaN(d) || Double.isInfinite(d)) return false;
        int e = Math.getExponent(d);
        return e >= -126 && e <= 127;
    }

    /** Smalltalk identity: immediates (SmallInteger, Character, SmallFloat64) are identical when equal. */
    public static boolean identical(Object a, Object b) {
        if (a == b) return true;
        if (a instanceof Long x) return b instanceof Long y && x.longValue() == y.longValue();
        if (a instanceof Char x) return b instanceof Char y && x.value == y.value;
        if (a instanceof Double x)
            return b instanceof Double y
                    && isSmallFloat(x)
                    && Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
        return false;
    }

    public static Object copyLiteral(Object v) {
        if (v instanceof StSymbol) return v;
        if (v instanceof StString s) return new StString(s.chars.clone());
        if (v instanceof byte[] b) return b.clone();
        if (v instanceof Object[] a) {
            Object[] c = new Object[a.length];
            for (int i = 0; i < a.length; i++) c[i] = copyLiteral(a[i]);
            return c;
        }
        return v;
    }

    public static void refuseKernelMutation(Context c, Object what) {
        c.interp.signalError(
                "ModificationForbidden",
                "The system kernel is shared and read-only here: cannot modify "
                        + (what instanceof StClass sc ? sc.printName() : String.valueOf(what)) + " from a workspace",
                c);
    }

    // ------------------------------------------------------------ class creation

    private StClass core(String name, StClass sup, String ivars, StClass.Format fmt, String category) {
        StClass c = makeClass(
                name, sup, ivars.isBlank() ? new String[0] : ivars.trim().split("\\s+"), fmt, category, null);
        register(c, bootEnv);
        return c;
    }

    /** Creates a class and its metaclass (not yet registered as a global). */
    StClass makeClass(
            String name, StClass sup, String[] ivars, StClass.Format fmt, String category, Environment owner) {
        StClass meta = new StClass(metaclass, true);
        StClass c = new StClass(meta, false);
        meta.thisClass = c;
        c.thisClass = c;
        c.name = name;
        c.superclass = sup;
        meta.superclass = sup == null ? classClass : sup.cls;
        c.instVarNames = ivars;
        c.recomputeInstSize();
        meta.recomputeInstSize();
        c.slots = meta.instSize() == 0 ? StObject.EMPTY : new Object[meta.instSize()];
        c.format = fmt;
        c.category = category;
        c.owner = owner;
        meta.owner = owner;
        return c;
    }

    void register(StClass c, Environment env) {
        if (env.isKernel) classes.add(c);
        else env.userClasses.add(c);
        env.globals.put(c.name, new Binding(c.name, c));
        env.changed();
    }

    private void createCore() {
        object = core("Object", null, "", StClass.Format.OBJECT, "Kernel-Objects");
        behavior = core("Behavior", object, "", StClass.Format.SPECIAL, "Kernel-Classes");
        classDescription = core("ClassDescription", behavior, "", StClass.Format.SPECIAL, "Kernel-Classes");
        classClass = core("Class", classDescription, "", StClass.Format.SPECIAL, "Kernel-Classes");
        metaclass = core("Metaclass", classDescription, "", StClass.Format.SPECIAL, "Kernel-Classes");
        // patch the bootstrap cycle: metaclasses are instances of Metaclass; Object class inherits from Class
        for (StClass c : classes) {
            c.cls.cls = metaclass;
        }
        object.cls.superclass = classClass;
        undefinedObject = core("UndefinedObject", object, "", StClass.Format.SPECIAL, "Kernel-Objects");
        booleanClass = core("Boolean", object, "", StClass.Format.SPECIAL, "Kernel-Objects");
        trueClass = core("True", booleanClass, "", StClass.Format.SPECIAL, "Kernel-Objects");
        falseClass = core("False", booleanClass, "", StClass.Format.SPECIAL, "Kernel-Objects");
        magnitude = core("Magnitude", object, "", StClass.Format.OBJECT, "Kernel-Numbers");
        character = core("Character", magnitude, "", StClass.Format.SPECIAL, "Kernel-BasicObjects");
        number = core("Number", magnitude, "", StClass.Format.OBJECT, "Kernel-Numbers");
        integer = core("Integer", number, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        smallInteger = core("SmallInteger", integer, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        largePos = core("LargePositiveInteger", integer, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        largeNeg = core("LargeNegativeInteger", largePos, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        floatClass = core("Float", number, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        smallFloat = core("SmallFloat64", floatClass, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        boxedFloat = core("BoxedFloat64", floatClass, "", StClass.Format.SPECIAL, "Kernel-Numbers");
        collection = core("Collection", object, "", StClass.Format.OBJECT, "Collections-Abstract");
        seqCollection = core("SequenceableCollection", collection, "", StClass.Format.OBJECT, "Collections-Abstract");
        arrayedCollection = core("ArrayedCollection", seqCollection, "", StClass.Format.OBJECT, "Collections-Abstract");
        array = core("Array", arrayedCollection, "", StClass.Format.ARRAY, "Collections-Sequenceable");
        string = core("String", arrayedCollection, "", StClass.Format.STRING, "Collections-Strings");
        byteString = core("ByteString", string, "", StClass.Format.STRING, "Collections-Strings");
        wideString = core("WideString", string, "", StClass.Format.STRING, "Collections-Strings");
        symbol = core("Symbol", string, "", StClass.Format.SYMBOL, "Collections-Strings");
        byteSymbol = core("ByteSymbol", symbol, "", StClass.Format.SYMBOL, "Collections-Strings");
        wideSymbol = core("WideSymbol", symbol, "", StClass.Format.SYMBOL, "Collections-Strings");
        byteArray = core("ByteArray", arrayedCollection, "", StClass.Format.BYTES, "Collections-Native");
        blockClosure = core("BlockClosure", object, "", StClass.Format.SPECIAL, "Kernel-Methods");
        context = core("Context", object, "", StClass.Format.SPECIAL, "Kernel-Methods");
        compiledMethod = core("CompiledMethod", object, "", StClass.Format.SPECIAL, "Kernel-Methods");
        messageClass = core("Message", object, "selector args", StClass.Format.OBJECT, "Kernel-Methods");
    }

    private void linkKernelClasses() {
        errorClass = (StClass) globals.get("Error").value;
        StClass exception = (StClass) globals.get("Exception").value;
        exMessageText = exception.slotIndex("messageText");
        exSignalContext = exception.slotIndex("signalContext");
        exHandlerContext = exception.slotIndex("handlerContext");
        onDoMethod = blockClosure.methods.get(StSymbol.of("on:do:"));
        StClass sysDict = (StClass) globals.get("SystemDictionary").value;
        StClass transcriptClass = (StClass) globals.get("TranscriptStream").value;
        globals.put("Smalltalk", new Binding("Smalltalk", new StObject(sysDict, 0)));
        globals.put("Transcript", new Binding("Transcript", new StObject(transcriptClass, 0)));
        if (onDoMethod == null || exMessageText < 0 || exSignalContext < 0 || exHandlerContext < 0)
            throw new IllegalStateException("kernel sources lack the exception machinery");
    }

    // ------------------------------------------------------------ compiling

    /** Compiles method source into a class for the given environment (kernel or workspace overlay). */
    public CompiledMethod compile(Environment env, StClass cls, String source, String category) {
        Ast.Method ast = Parser.parseMethod(source);
        Primitive prim = null;
        if (ast.primitive() != null) {
            prim = primitives.get(ast.primitive());
            if (prim == null) throw new SyntaxError("Unknown primitive '" + ast.primitive() + "'", source, ast.pos());
            if (!env.isKernel) throw new SyntaxError("Primitives are reserved to the kernel", source, ast.pos());
        }
        CompiledMethod m = new CompiledMethod(ast, cls, category, prim, env.isKernel, null);
        if (!env.isKernel) m.ensureCompiled();
        env.install(cls, m);
        return m;
    }

    /** Defines (or redefines in place) a class in an environment, as {@code subclass:instanceVariableNames:...} does. */
    public StClass defineClass(
            Environment env,
            StClass sup,
            String name,
            String ivars,
            String cvars,
            String category,
            boolean variable,
            String classIvars) {
        String[] iv =
                ivars == null || ivars.isBlank() ? new String[0] : ivars.trim().split("\\s+");
        StClass.Format fmt = StClass.Format.OBJECT;
        if (sup != null) {
            switch (sup.format) {
                case ARRAY, INDEXED -> fmt = StClass.Format.INDEXED;
                case OBJECT -> fmt = variable ? StClass.Format.INDEXED : StClass.Format.OBJECT;
                default -> {
                    if (!env.isKernel)
                        throw new IllegalArgumentException(
                                sup.name + " cannot be subclassed here: its instances are built-in values");
                    fmt = sup.format;
                }
            }
        }
        Binding existing = env.globals.get(name);
        StClass c;
        if (existing != null
                && existing.value instanceof StClass old
                && !old.isMeta
                && (old.owner == env || env.isKernel && old.owner == null)) {
            c = old;
            boolean layoutChanged = c.superclass != sup || !java.util.Arrays.equals(c.instVarNames, iv);
            c.superclass = sup;
            c.cls.superclass = sup == null ? classClass : sup.cls;
            c.instVarNames = iv;
            c.recomputeInstSize();
            c.format = fmt;
            c.category = category;
            if (layoutChanged && !env.isKernel) recompileHierarchy(env, c);
            env.changed();
        } else {
            c = makeClass(name, sup, iv, fmt, category, env.isKernel ? null : env);
            register(c, env);
        }
        if (cvars != null && !cvars.isBlank()) {
            for (String cv : cvars.trim().split("\\s+")) c.classVars.putIfAbsent(cv, new Binding(cv, null));
        }
        if (classIvars != null) {
            c.cls.instVarNames =
                    classIvars.isBlank() ? new String[0] : classIvars.trim().split("\\s+");
            c.cls.recomputeInstSize();
            if (c.slots.length < c.cls.instSize()) c.slots = java.util.Arrays.copyOf(c.slots, c.cls.instSize());
        }
        return c;
    }

    /** After a class changed shape, recompiles its methods and its subclasses' so slot indexes stay right. */
    private void recompileHierarchy(Environment env, StClass c) {
        for (StClass x : new ArrayList<>(env.userClasses)) {
            if (x != c && !x.inheritsFrom(c)) continue;
            x.recomputeInstSize();
            for (StClass side : List.of(x, x.cls)) {
                for (CompiledMethod m : new ArrayList<>(side.methods.values())) {
                    try {
                        compile(env, side, m.source, m.category);
                    } catch (SyntaxError e) {
                        // the method refers to a variable the new shape lacks: drop it, as the class no longer supports
                        // it
                        side.methods.remove(m.selector);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------ loading kernel sources

    private static final Pattern METHODS_FOR =
            Pattern.compile("^\\s*(\\w+)( class)? methodsFor: '([^']*)'\\s*$", Pattern.DOTALL);

    private void loadSources() {
        String manifest = resource("manifest.txt");
        Interp in = new Interp(bootEnv, Long.MAX_VALUE / 4, 0, 0, 100_000, null);
        for (String line : manifest.split("\n")) {
            String file = line.trim();
            if (file.isEmpty() || file.startsWith("#")) continue;
            loadChunks(file, resource(file), in);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Kernel.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IllegalStateException("missing kernel resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source of one kernel file, for tools. */
    public static String kernelFile(String name) {
        return resource(name);
    }

    void loadChunks(String file, String text, Interp in) {
        List<String> chunks = ChunkReader.split(text);
        int i = 0;
        while (i < chunks.size()) {
            String chunk = chunks.get(i++);
            if (chunk.isBlank()) {
                if (i < chunks.size()) {
                    Matcher m = METHODS_FOR.matcher(chunks.get(i));
                    if (m.matches()) {
                        i++;
                        StClass c = (StClass) globals.get(m.group(1)).value;
                        if (m.group(2) != null) c = c.cls;
                        while (i < chunks.size() && !chunks.get(i).isBlank()) {
                            String src = stripIndent(chunks.get(i++));
                            try {
                                compile(bootEnv, c, src, m.group(3));
                            } catch (SyntaxError e) {
                                throw new IllegalStateException(
                                        file + ": " + c.printName() + ": " + e.getMessage() + " at line " + e.line()
                                                + " column " + e.column() + " in\n" + src,
                                        e);
                            }
                        }
                    }
                }
                continue;
            }
            evaluate(file, chunk, in);
        }
    }

    private void evaluate(String file, String code, Interp in) {
        try {
            Ast.Method ast = Parser.parseDoit(code);
            CompiledMethod m = new CompiledMethod(ast, undefinedObject, "doits", null, true, NO_WORKSPACE);
            in.invoke(m, null, Interp.NO_ARGS, null);
        } catch (SyntaxError e) {
            throw new IllegalStateException(file + ": " + e.getMessage() + " in\n" + code, e);
        } catch (ControlFlow.UnhandledError e) {
            throw new IllegalStateException(file + ": error while loading: " + code, e);
        }
    }

    static final Compiler.VariableResolver NO_WORKSPACE = new Compiler.VariableResolver() {
        @Override
        public Binding existing(String name) {
            return null;
        }

        @Override
        public Binding declare(String name) {
            throw new IllegalStateException("undeclared variable " + name + " in kernel code");
        }

        @Override
        public boolean isClass(String name) {
            return true;
        }

        @Override
        public boolean isGlobal(String name) {
            return true;
        }
    };

    private static String stripIndent(String s) {
        String t = s.strip();
        return t;
    }
}
