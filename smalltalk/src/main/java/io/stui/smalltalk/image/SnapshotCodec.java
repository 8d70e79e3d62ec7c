package io.stui.smalltalk.image;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.compiler.Compiler;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.Char;
import io.stui.smalltalk.objects.CodeUnit;
import io.stui.smalltalk.objects.CompiledBlock;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Num;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary workspace snapshots. Layout (DataOutput): magic "STUISNAP", version; user classes (definition order:
 * name, superclass ref, instance/class variable names, category, comment, format, class-side variable names);
 * methods (class ref, category, source) for workspace classes and for kernel-class extensions; then one object
 * graph section holding workspace variables, workspace globals, class-variable values, class-side slots and the
 * registry; then the history. A session layered over the image stores its own layer only: the image's classes
 * are referred to by name (kind 3) and found in the image as it is when the snapshot is read. Objects are written once and referenced by index afterwards, so cycles and shared
 * references survive. Blocks are written as (method, block index, outer context); doit methods as their source.
 *
 * <p>Every text (names, categories, comments, sources) is an int byte count and UTF-8, so no field has a length
 * limit. Version 1 wrote names, categories and comments with {@code writeUTF} (64 KiB at most); it is still read.
 */
public final class SnapshotCodec {
    private static final long MAGIC = 0x53545549534E4150L; // "STUISNAP"
    /**
     * The version written; {@link #readableVersion} lists what is read. 2: every text an int byte count and UTF-8,
     * and class refs of kind 3 naming a class of the parent layer (the image, for a session).
     */
    private static final int VERSION = 2;

    /** Version 1: names, categories and comments in {@code writeUTF} (a two-byte length); read, never written. */
    private static final int VERSION_SHORT_NAMES = 1;

    private SnapshotCodec() {}

    private static final int NIL = 0,
            TRUE = 1,
            FALSE = 2,
            INT = 3,
            BIG = 4,
            FLOAT = 5,
            CHAR = 6,
            SYMBOL = 7,
            REF = 10,
            STRING = 11,
            ARRAY = 12,
            BYTES = 13,
            OBJECT = 14,
            INDEXED = 15,
            CLASS = 16,
            BLOCK = 17,
            CONTEXT = 18,
            METHOD = 19;

    // ================================================================ writing

    public static byte[] write(WorkspaceState s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            new Writer(s, out).writeAll();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("the workspace's object graph is nested too deeply to snapshot");
        }
    }

    private static final class Writer {
        final WorkspaceState s;
        final DataOutputStream out;
        final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();
        final IdentityHashMap<CompiledMethod, Integer> doits = new IdentityHashMap<>();

        Writer(WorkspaceState s, DataOutputStream out) {
            this.s = s;
            this.out = out;
        }

        void writeAll() throws IOException {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            Environment env = s.environment();
            List<StClass> classes = env.userClasses();
            out.writeInt(classes.size());
            for (StClass c : classes) {
                writeLong(c.name);
                classRef(c.superclass);
                strings(List.of(c.instVarNames));
                strings(new ArrayList<>(c.classVars.keySet()));
                writeLong(c.category == null ? "" : c.category);
                writeLong(c.comment == null ? "" : c.comment);
                writeLong(c.format.name());
                strings(List.of(c.cls.instVarNames));
            }
            List<CompiledMethod> methods = new ArrayList<>();
            for (StClass c : classes) {
                methods.addAll(c.methods.values());
                methods.addAll(c.cls.methods.values());
            }
            for (Map<StSymbol, CompiledMethod> ext : env.extensions().values()) methods.addAll(ext.values());
            out.writeInt(methods.size());
            for (CompiledMethod m : methods) {
                classRef(m.methodClass);
                writeLong(m.category == null ? "" : m.category);
                writeLong(m.source);
            }
            // ---- object graph
            out.writeInt(s.variables().size());
            for (Binding b : s.variables().values()) writeLong(b.name);
            for (Binding b : s.variables().values()) value(b.value);
            List<Binding> globals = new ArrayList<>();
            for (Binding b : env.globals.values())
                if (!(b.value instanceof StClass c && c.owner == env && c.name.equals(b.name))) globals.add(b);
            out.writeInt(globals.size());
            for (Binding b : globals) {
                writeLong(b.name);
                value(b.value);
            }
            for (StClass c : classes) {
                out.writeInt(c.classVars.size());
                for (Binding b : c.classVars.values()) {
                    writeLong(b.name);
                    value(b.value);
                }
                out.writeInt(c.slots.length);
                for (Object o : c.slots) value(o);
            }
            Map<String, Object> reg = s.registry().entries();
            out.writeInt(reg.size());
            for (Map.Entry<String, Object> e : reg.entrySet()) {
                writeLong(e.getKey());
                value(e.getValue());
            }
            // ---- history
            List<WorkspaceState.HistoryEntry> history = s.history();
            out.writeInt(history.size());
            for (WorkspaceState.HistoryEntry h : history) {
                writeLong(h.code());
                writeLong(h.result());
                out.writeBoolean(h.ok());
                out.writeLong(h.timestamp().toEpochMilli());
            }
        }

        void writeLong(String str) throws IOException {
            byte[] b = (str == null ? "" : str).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        void strings(List<String> list) throws IOException {
            out.writeInt(list.size());
            for (String x : list) writeLong(x);
        }

        void classRef(StClass c) throws IOException {
            if (c == null) {
                out.writeByte(0);
                return;
            }
            StClass base = c.isMeta ? c.thisClass : c;
            out.writeByte(base.isKernel() ? 1 : base.owner == s.environment() ? 2 : 3);
            writeLong(base.name);
            out.writeBoolean(c.isMeta);
        }

        boolean remember(Object o) throws IOException {
            Integer idx = seen.get(o);
            if (idx != null) {
                out.writeByte(REF);
                out.writeInt(idx);
                return false;
            }
            seen.put(o, seen.size());
            return true;
        }

        void value(Object o) throws IOException {
            switch (o) {
                case null -> out.writeByte(NIL);
                case Boolean b -> out.writeByte(b ? TRUE : FALSE);
                case Long l -> {
                    out.writeByte(INT);
                    out.writeLong(l);
                }
                case BigInteger b -> {
                    out.writeByte(BIG);
                    byte[] x = b.toByteArray();
                    out.writeInt(x.length);
                    out.write(x);
                }
                case Double d -> {
                    out.writeByte(FLOAT);
                    out.writeDouble(d);
                }
                case Char c -> {
                    out.writeByte(CHAR);
                    out.writeInt(c.value);
                }
                case StSymbol sym -> {
                    out.writeByte(SYMBOL);
                    writeLong(sym.name);
                }
                case StString str -> {
                    if (remember(o)) {
                        out.writeByte(STRING);
                        writeLong(str.str());
                    }
                }
                case Object[] arr -> {
                    if (remember(o)) {
                        out.writeByte(ARRAY);
                        out.writeInt(arr.length);
                        for (Object e : arr) value(e);
                    }
                }
                case byte[] b -> {
                    if (remember(o)) {
                        out.writeByte(BYTES);
                        out.writeInt(b.length);
                        out.write(b);
                    }
                }
                case StClass c -> {
                    out.writeByte(CLASS);
                    classRef(c);
                }
                case StIndexed x -> {
                    if (remember(o)) {
                        out.writeByte(INDEXED);
                        classRef(x.cls);
                        out.writeInt(x.slots.length);
                        for (Object e : x.slots) value(e);
                        out.writeInt(x.items.length);
                        for (Object e : x.items) value(e);
                    }
                }
                case StObject so -> {
                    if (remember(o)) {
                        out.writeByte(OBJECT);
                        classRef(so.cls);
                        out.writeInt(so.slots.length);
                        for (Object e : so.slots) value(e);
                    }
                }
                case StBlock b -> {
                    if (remember(o)) {
                        out.writeByte(BLOCK);
                        methodRef(b.code.home);
                        out.writeInt(b.code.home.blocks.indexOf(b.code));
                        value(b.outer);
                        value(b.receiver);
                    }
                }
                case Context c -> {
                    if (remember(o)) {
                        out.writeByte(CONTEXT);
                        if (c.code instanceof CompiledBlock cb) {
                            out.writeBoolean(true);
                            methodRef(cb.home);
                            out.writeInt(cb.home.blocks.indexOf(cb));
                        } else {
                            out.writeBoolean(false);
                            methodRef((CompiledMethod) c.code);
                        }
                        value(c.receiver);
                        out.writeInt(c.temps.length);
                        for (Object e : c.temps) value(e);
                        value(c.outer);
                    }
                }
                case CompiledMethod m -> {
                    out.writeByte(METHOD);
                    methodRef(m);
                }
                default -> out.writeByte(NIL);
            }
        }

        void methodRef(CompiledMethod m) throws IOException {
            if (m.isDoit) {
                Integer idx = doits.get(m);
                if (idx != null) {
                    out.writeByte(2);
                    out.writeInt(idx);
                    return;
                }
                doits.put(m, doits.size());
                out.writeByte(1);
                writeLong(m.source);
            } else {
                out.writeByte(0);
                classRef(m.methodClass);
                writeLong(m.selector.name);
            }
        }
    }

    // ================================================================ reading

    public static void read(WorkspaceState s, byte[] bytes) {
        try {
            new Reader(s, new DataInputStream(new ByteArrayInputStream(bytes))).readAll();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid workspace snapshot: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("the snapshot's object graph is nested too deeply");
        }
    }

    /** The one version check: the versions this codec reads, anything else refused by number. */
    static int readableVersion(int version) throws IOException {
        if (version == VERSION || version == VERSION_SHORT_NAMES) return version;
        throw new IOException("unsupported snapshot version " + version + " (this server reads 1 and " + VERSION + ")");
    }

    private static final class Reader {
        final WorkspaceState s;
        final DataInputStream in;
        final List<Object> objects = new ArrayList<>();
        final List<CompiledMethod> doits = new ArrayList<>();
        final Map<String, StClass> userClasses = new HashMap<>();
        final List<Context> contexts = new ArrayList<>();
        int version;

        Reader(WorkspaceState s, DataInputStream in) {
            this.s = s;
            this.in = in;
        }

        void readAll() throws IOException {
            if (in.readLong() != MAGIC) throw new IOException("bad magic");
            version = readableVersion(in.readInt());
            Environment env = s.environment();
            int nClasses = count();
            List<StClass> order = new ArrayList<>();
            for (int i = 0; i < nClasses; i++) {
                String name = text();
                StClass sup = classRef();
                List<String> iv = strings();
                List<String> cv = strings();
                String category = text();
                String comment = text();
                StClass.Format fmt = StClass.Format.valueOf(text());
                List<String> civ = strings();
                StClass c = ClassBuilder.defineClass(
                        env,
                        sup,
                        name,
                        String.join(" ", iv),
                        String.join(" ", cv),
                        category,
                        fmt == StClass.Format.INDEXED,
                        String.join(" ", civ));
                c.comment = comment;
                userClasses.put(name, c);
                order.add(c);
            }
            int nMethods = count();
            for (int i = 0; i < nMethods; i++) {
                StClass c = classRef();
                String category = text();
                String source = readLong();
                ClassBuilder.compile(env, c, source, category);
            }
            int nVars = count();
            List<Binding> vars = new ArrayList<>();
            for (int i = 0; i < nVars; i++) {
                String name = text();
                Binding b = new Binding(name, null);
                s.variables().put(name, b);
                vars.add(b);
            }
            // values last: restored doit blocks bind to these variables while they are read
            for (Binding b : vars) b.value = value();
            int nGlobals = count();
            for (int i = 0; i < nGlobals; i++) {
                String name = text();
                env.defineGlobal(name, value());
            }
            for (StClass c : order) {
                int ncv = count();
                for (int i = 0; i < ncv; i++) {
                    String name = text();
                    Object v = value();
                    c.classVars.computeIfAbsent(name, n -> new Binding(n, null)).value = v;
                }
                int nslots = count();
                Object[] slots = new Object[nslots];
                for (int i = 0; i < nslots; i++) slots[i] = value();
                c.slots = slots;
            }
            int nReg = count();
            for (int i = 0; i < nReg; i++) {
                String id = text();
                s.registry().put(id, value());
            }
            int nHist = count();
            for (int i = 0; i < nHist; i++) {
                String code = readLong();
                String result = readLong();
                boolean ok = in.readBoolean();
                long ts = in.readLong();
                s.addHistory(new WorkspaceState.HistoryEntry(code, result, ok, Instant.ofEpochMilli(ts)));
            }
            for (Context c : contexts) {
                Context h = c;
                while (h.outer != null) h = h.outer;
                c.home = h;
            }
            env.changed();
        }

        /** A name, category or comment: its encoding is the one place the versions differ. */
        String text() throws IOException {
            return version == VERSION_SHORT_NAMES ? in.readUTF() : readLong();
        }

        String readLong() throws IOException {
            int n = count();
            byte[] b = in.readNBytes(n);
            if (b.length != n) throw new IOException("truncated");
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * A count or a length read from the snapshot. Each element it counts takes at least one more byte, so a
         * count beyond the bytes left is corrupt: refused before anything is allocated or looped over for it.
         */
        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available())
                throw new IOException("bad count " + n + " with " + in.available() + " bytes left");
            return n;
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(text());
            return out;
        }

        StClass classRef() throws IOException {
            int kind = in.readByte();
            if (kind == 0) return null;
            String name = text();
            boolean meta = in.readBoolean();
            StClass c;
            if (kind == 1) {
                Binding b = s.classes().globals.get(name);
                if (b == null || !(b.value instanceof StClass kc))
                    throw new IOException("unknown system class " + name);
                c = kc;
            } else if (kind == 2) {
                c = userClasses.get(name);
                if (c == null) throw new IOException("unknown workspace class " + name);
            } else {
                // a class of the layer below, as it is now (a session's snapshot holds its own layer only)
                Environment parent = s.environment().parent();
                Binding b =
                        parent == null ? null : s.environment().view().globals().get(name);
                if (b == null || !(b.value instanceof StClass pc) || pc.owner != parent)
                    throw new IOException("the image has no class " + name + " any more");
                c = pc;
            }
            return meta ? c.cls : c;
        }

        CompiledMethod methodRef() throws IOException {
            int kind = in.readByte();
            if (kind == 2) return doits.get(in.readInt());
            if (kind == 1) {
                String source = readLong();
                Ast.Method ast = Parser.parseDoit(source);
                CompiledMethod m = new CompiledMethod(
                        ast,
                        s.classes().undefinedObject,
                        "doits",
                        null,
                        false,
                        s.resolver(),
                        Compiler.bodies(s.classes()));
                m.ensureCompiled();
                doits.add(m);
                return m;
            }
            StClass c = classRef();
            String sel = readLong();
            CompiledMethod m = c.localMethods(s.environment()).get(StSymbol.of(sel));
            if (m == null) m = s.environment().lookup(c, StSymbol.of(sel));
            if (m == null) throw new IOException("unknown method " + c.printName() + ">>" + sel);
            m.ensureCompiled();
            return m;
        }

        int reserve() {
            objects.add(null);
            return objects.size() - 1;
        }

        Object value() throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case NIL:
                    return null;
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case INT:
                    return in.readLong();
                case BIG: {
                    int n = count();
                    return Num.norm(new BigInteger(in.readNBytes(n)));
                }
                case FLOAT:
                    return in.readDouble();
                case CHAR:
                    return Char.of(in.readInt());
                case SYMBOL:
                    return StSymbol.of(readLong());
                case REF:
                    return objects.get(in.readInt());
                case STRING: {
                    int i = reserve();
                    StString v = new StString(readLong());
                    objects.set(i, v);
                    return v;
                }
                case ARRAY: {
                    int i = reserve();
                    Object[] a = new Object[count()];
                    objects.set(i, a);
                    for (int j = 0; j < a.length; j++) a[j] = value();
                    return a;
                }
                case BYTES: {
                    int i = reserve();
                    byte[] b = in.readNBytes(count());
                    objects.set(i, b);
                    return b;
                }
                case CLASS:
                    return classRef();
                case INDEXED: {
                    int i = reserve();
                    StClass c = classRef();
                    StIndexed x = new StIndexed(c, 0, 0);
                    objects.set(i, x);
                    Object[] slots = new Object[count()];
                    x.slots = slots;
                    for (int j = 0; j < slots.length; j++) slots[j] = value();
                    Object[] items = new Object[count()];
                    x.items = items;
                    for (int j = 0; j < items.length; j++) items[j] = value();
                    return x;
                }
                case OBJECT: {
                    int i = reserve();
                    StClass c = classRef();
                    StObject o = new StObject(c, 0);
                    objects.set(i, o);
                    Object[] slots = new Object[count()];
                    o.slots = slots;
                    for (int j = 0; j < slots.length; j++) slots[j] = value();
                    return o;
                }
                case BLOCK: {
                    int i = reserve();
                    CompiledMethod m = methodRef();
                    CompiledBlock code = m.blocks.get(in.readInt());
                    StBlock b = new StBlock(code, null, null);
                    objects.set(i, b);
                    b.outer = (Context) value();
                    b.receiver = value();
                    return b;
                }
                case CONTEXT: {
                    int i = reserve();
                    boolean isBlock = in.readBoolean();
                    CompiledMethod m = methodRef();
                    CodeUnit code = isBlock ? m.blocks.get(in.readInt()) : m;
                    Object receiver = value();
                    Object[] temps = new Object[count()];
                    Context c = new Context(code, receiver, temps, null, null, null);
                    c.dead = true;
                    objects.set(i, c);
                    contexts.add(c);
                    for (int j = 0; j < temps.length; j++) temps[j] = value();
                    c.outer = value() instanceof Context oc ? oc : null;
                    return c;
                }
                case METHOD:
                    return methodRef();
                default:
                    throw new IOException("bad tag " + tag);
            }
        }
    }
}
