package io.stui.smalltalk.objects;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's classes and globals, and the class of any value. One instance per booted kernel (the image
 * package's {@code KernelLoader} fills it from the {@code .st} sources, then freezes it); every interpreter
 * and environment running on that kernel holds it, so nothing looks it up through a static.
 */
public final class ClassTable {
    /** Version string answered by {@code Smalltalk version}. */
    public static final String VERSION = "STUI Smalltalk 0.1 (Smalltalk-80 with Pharo conventions)";

    /** The kernel's globals (classes, {@code Smalltalk}, {@code Transcript}); written only while booting. */
    public final Map<String, Binding> globals = new LinkedHashMap<>();
    /** The kernel's classes in definition order. */
    public final List<StClass> kernelClasses = new ArrayList<>();
    /** The environment kernel sources are loaded in; it writes into this table's globals and classes. */
    public final Environment bootEnv;

    private final Map<String, Primitive> primitives;
    private boolean frozen;

    // the classes the interpreter needs by name: created here, before any kernel source is read
    public final StClass object, behavior, classDescription, classClass, metaclass;
    public final StClass undefinedObject, booleanClass, trueClass, falseClass;
    public final StClass magnitude, character, number, integer, smallInteger, largePos, largeNeg;
    public final StClass floatClass, smallFloat, boxedFloat;
    public final StClass collection, seqCollection, arrayedCollection, array;
    public final StClass string, byteString, wideString, symbol, byteSymbol, wideSymbol, byteArray;
    public final StClass blockClosure, context, compiledMethod, messageClass;

    public final StSymbol symDnu = StSymbol.of("doesNotUnderstand:");
    public final StSymbol symDefaultAction = StSymbol.of("defaultAction");
    public final StSymbol symHandles = StSymbol.of("handles:");

    // the exception machinery, defined by the kernel sources and linked once they are loaded
    private StClass errorClass;
    private CompiledMethod onDoMethod;
    private int exMessageText = -1, exSignalContext = -1, exHandlerContext = -1;

    /** Creates the core classes; {@code primitives} is the table {@code <primitive: 'name'>} refers to. */
    public ClassTable(Map<String, Primitive> primitives) {
        this.primitives = Map.copyOf(primitives);
        this.bootEnv = new Environment(this, true);
        object = core("Object", null, "", StClass.Format.OBJECT, "Kernel-Objects");
        behavior = core("Behavior", object, "", StClass.Format.SPECIAL, "Kernel-Classes");
        classDescription = core("ClassDescription", behavior, "", StClass.Format.SPECIAL, "Kernel-Classes");
        classClass = core("Class", classDescription, "", StClass.Format.SPECIAL, "Kernel-Classes");
        metaclass = core("Metaclass", classDescription, "", StClass.Format.SPECIAL, "Kernel-Classes");
        // patch the bootstrap cycle: metaclasses are instances of Metaclass; Object class inherits from Class
        for (StClass c : kernelClasses) {
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

    private StClass core(String name, StClass sup, String ivars, StClass.Format fmt, String category) {
        StClass c = makeClass(
                name, sup, ivars.isBlank() ? new String[0] : ivars.trim().split("\\s+"), fmt, category, null);
        register(c, bootEnv);
        return c;
    }

    // ------------------------------------------------------------ class of any value

    /** The Smalltalk class of a value; on every send, so the common cases come first. */
    public StClass classOf(Object o) {
        if (o instanceof StObject so) return so.cls;
        if (o instanceof Long) return smallInteger;
        if (o == null) return undefinedObject;
        if (o instanceof Boolean b) return b ? trueClass : falseClass;
        if (o instanceof Double d) return isSmallFloat(d) ? smallFloat : boxedFloat;
        if (o instanceof StSymbol s) return s.isWide() ? wideSymbol : byteSymbol;
        if (o instanceof StString s) return s.isWide() ? wideString : byteString;
        if (o instanceof Char) return character;
        if (o instanceof Object[]) return array;
        if (o instanceof StBlock) return blockClosure;
        if (o instanceof BigInteger b) return b.signum() < 0 ? largeNeg : largePos;
        if (o instanceof byte[]) return byteArray;
        if (o instanceof Context) return context;
        if (o instanceof CompiledMethod) return compiledMethod;
        return object;
    }

    /** Spur's immediate float range: 8-bit exponent (about 1e-38 .. 1e38) and +0.0. */
    public static boolean isSmallFloat(double d) {
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

    // ------------------------------------------------------------ classes

    /** Creates a class and its metaclass (not yet registered as a global). */
    public StClass makeClass(
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

    /** Makes a new class a global of {@code env} (and one of the kernel's classes when env is the kernel's). */
    public void register(StClass c, Environment env) {
        if (env.isKernel) kernelClasses.add(c);
        else env.userClasses().add(c);
        env.globals.put(c.name, new Binding(c.name, c));
        env.changed();
    }

    /** The primitive a kernel method names with {@code <primitive: 'name'>}, or null. */
    public Primitive primitive(String name) {
        return primitives.get(name);
    }

    // ------------------------------------------------------------ after the kernel sources are loaded

    /**
     * Links the exception machinery the kernel sources defined and the two well-known instances, then freezes
     * the table: from here on workspaces only read it, so kernel global bindings can be compiled as constants.
     */
    public void linkAndFreeze() {
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
        frozen = true;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public StClass errorClass() {
        return errorClass;
    }

    /** {@code BlockClosure>>on:do:}, the method an exception handler's context runs. */
    public CompiledMethod onDoMethod() {
        return onDoMethod;
    }

    /** Slot of {@code Exception>>messageText}. */
    public int exMessageText() {
        return exMessageText;
    }

    /** Slot of {@code Exception>>signalContext}. */
    public int exSignalContext() {
        return exSignalContext;
    }

    /** Slot of {@code Exception>>handlerContext}. */
    public int exHandlerContext() {
        return exHandlerContext;
    }
}
