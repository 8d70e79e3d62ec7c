package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the header class ({@code zmq_h}) in the shape of jextract's JDK 22+ output: runtime helpers and
 * library lookup, the {@code C_*} builtin layouts, primitive typedef layouts, per function a lazily
 * initialised holder class with {@code DESC}/{@code ADDR} plus {@code $descriptor()},
 * {@code $handle()}, {@code $address()} and a wrapper, and a getter per constant.
 *
 * <p>Two departures from jextract. The library lookup honours a system property, tries several names, and
 * fails class initialisation with an {@link UnsatisfiedLinkError} that says what to do. And each function's
 * {@code HANDLE} sits in a holder nested in its holder ({@code Downcall}), linked on the first call or
 * {@code $handle()}, not when {@code $address()} or {@code $descriptor()} is first read: linking a handle
 * spins a stub class at run time (several milliseconds each, no AOT cache holds them), and the socket
 * library links its own handles, with linker options, from the address and descriptor alone.
 */
final class HeaderClassWriter {

    /** A constant to emit: the macro name, its evaluated value and the definition for the comment. */
    record Constant(String name, IntegerConstant value, String source) {}

    private final GeneratorConfig config;
    private final String version;
    private final Layouts layouts;
    private final String h;

    HeaderClassWriter(GeneratorConfig config, String version) {
        this.config = config;
        this.version = version;
        this.h = config.headerClassName();
        this.layouts = new Layouts(h);
    }

    String write(HeaderModel model, List<Constant> constants) {
        SourceBuilder out = new SourceBuilder(config, version);
        out.javadoc(
                "",
                "Bindings to the functions, constants and builtin type layouts of {@code " + config.headerFileName()
                        + "} " + version + ", in jextract's shape.",
                "",
                "<p>The library is looked up once, when this class initialises: the absolute path in system property",
                "{@code " + config.libraryProperty() + "} if set, otherwise " + libraryNamesDoc() + ".",
                "If none loads, initialisation fails with an {@link UnsatisfiedLinkError} (later uses see",
                "{@link NoClassDefFoundError}); callers that have a fallback catch {@link LinkageError}.");
        out.openClass("public final", h);
        runtimeHelpers(out);
        libraryLookup(out);
        builtinLayouts(out);
        for (HeaderModel.PrimitiveTypedef typedef : model.primitiveTypedefs()) {
            out.cSnippet("    ", "", "typedef " + typedef.spelling() + " " + typedef.name());
            out.line("    public static final " + Layouts.layoutClass(typedef.type()) + " "
                    + JavaNames.safe(typedef.name()) + " = " + layouts.expression(typedef.type()) + ";");
        }
        for (HeaderModel.Function function : model.functions()) {
            function(out, function);
        }
        for (Constant constant : constants) {
            constant(out, constant);
        }
        out.line("}");
        return out.toString();
    }

    private String libraryNamesDoc() {
        List<String> names = new ArrayList<>();
        for (String name : config.libraryNames()) {
            names.add(
                    name.startsWith("MAP:")
                            ? "{@code System.mapLibraryName(\"" + name.substring(4) + "\")}"
                            : "{@code " + name + "}");
        }
        return String.join(", then ", names);
    }

    private void runtimeHelpers(SourceBuilder out) {
        out.line("    static final Arena LIBRARY_ARENA = Arena.ofAuto();");
        out.blank();
        out.line("    static MemorySegment findOrThrow(String symbol) {");
        out.line("        return SYMBOL_LOOKUP.find(symbol)");
        out.line("            .orElseThrow(() -> new UnsatisfiedLinkError(\"unresolved symbol: \" + symbol));");
        out.line("    }");
        out.blank();
        out.line("    static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {");
        out.line("        try {");
        out.line("            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());");
        out.line("        } catch (ReflectiveOperationException ex) {");
        out.line("            throw new AssertionError(ex);");
        out.line("        }");
        out.line("    }");
        out.blank();
        out.line("    static MemoryLayout align(MemoryLayout layout, long align) {");
        out.line("        return switch (layout) {");
        out.line("            case PaddingLayout p -> p;");
        out.line("            case ValueLayout v -> v.withByteAlignment(align);");
        out.line("            case GroupLayout g -> {");
        out.line("                MemoryLayout[] alignedMembers = g.memberLayouts().stream()");
        out.line("                        .map(m -> align(m, align)).toArray(MemoryLayout[]::new);");
        out.line("                yield g instanceof StructLayout ?");
        out.line(
                "                        MemoryLayout.structLayout(alignedMembers) : MemoryLayout.unionLayout(alignedMembers);");
        out.line("            }");
        out.line(
                "            case SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));");
        out.line("        };");
        out.line("    }");
        out.blank();
    }

    private void libraryLookup(SourceBuilder out) {
        out.line("    static final SymbolLookup SYMBOL_LOOKUP = libraryLookup();");
        out.blank();
        out.line("    // Loads the library once per class loader; the property names an absolute path that wins over");
        out.line(
                "    // the search path. The error says what was tried and how to fix it, for callers with a fallback.");
        out.line("    private static SymbolLookup libraryLookup() {");
        out.line("        String override = System.getProperty(\"" + config.libraryProperty() + "\");");
        out.line("        if (override != null && !override.isBlank()) {");
        out.line("            try {");
        out.line("                return SymbolLookup.libraryLookup(java.nio.file.Path.of(override), LIBRARY_ARENA);");
        out.line("            } catch (IllegalArgumentException ex) {");
        out.line("                throw new UnsatisfiedLinkError(\"cannot load the library named by -D"
                + config.libraryProperty() + "=\" + override");
        out.line("                        + \" (\" + ex.getMessage() + \"); point it at an existing "
                + config.libraryDescription() + " shared library\");");
        out.line("            }");
        out.line("        }");
        List<String> names = new ArrayList<>();
        for (String name : config.libraryNames()) {
            names.add(
                    name.startsWith("MAP:")
                            ? "System.mapLibraryName(\"" + name.substring(4) + "\")"
                            : "\"" + name + "\"");
        }
        out.line("        List<String> failures = new ArrayList<>();");
        out.line("        for (String name : List.of(" + String.join(", ", names) + ")) {");
        out.line("            try {");
        out.line("                return SymbolLookup.libraryLookup(name, LIBRARY_ARENA);");
        out.line("            } catch (IllegalArgumentException ex) {");
        out.line("                failures.add(name);");
        out.line("            }");
        out.line("        }");
        out.line("        throw new UnsatisfiedLinkError(\"" + config.libraryDescription()
                + " could not be loaded (tried \" + String.join(\", \", failures)");
        out.line("                + \"): " + config.missingLibraryHint() + " or set -D" + config.libraryProperty()
                + "=/absolute/path/to/the/library\");");
        out.line("    }");
        out.blank();
    }

    private void builtinLayouts(SourceBuilder out) {
        out.line("    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;");
        out.line("    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;");
        out.line("    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;");
        out.line("    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;");
        out.line("    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;");
        out.line("    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;");
        out.line("    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;");
        out.line("    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS");
        out.line("            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, JAVA_BYTE));");
        out.line("    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;");
        out.blank();
    }

    private void function(SourceBuilder out, HeaderModel.Function f) {
        if (f.returnType() instanceof CType.Struct) {
            throw new IllegalArgumentException(
                    "function " + f.name() + " returns a struct by value, which the generator does not support");
        }
        String name = f.name();
        String signature = CSignatures.function(f.returnSpelling(), name, f.params());
        List<String> paramLayouts = new ArrayList<>();
        List<String> paramDecls = new ArrayList<>();
        List<String> paramNames = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            HeaderModel.Param p = f.params().get(i);
            String javaName = JavaNames.parameter(p.name(), i);
            paramLayouts.add(layouts.expression(p.type()));
            paramDecls.add(Layouts.carrier(p.type()) + " " + javaName);
            paramNames.add(javaName);
        }
        boolean isVoid = f.returnType() instanceof CType.Void;
        out.blank();
        out.line("    private static class " + name + " {");
        List<String> descParts = new ArrayList<>();
        if (!isVoid) {
            descParts.add(layouts.expression(f.returnType()));
        }
        descParts.addAll(paramLayouts);
        out.functionDescriptor("        ", "public static final FunctionDescriptor DESC", descParts, isVoid);
        out.blank();
        out.line("        public static final MemorySegment ADDR = " + h + ".findOrThrow(\"" + name + "\");");
        out.blank();
        // The handle in a holder of its own, linked on the first call or $handle(): a program that reads only
        // the address and descriptor (to link a handle with options of its own) spins no stub for this one.
        out.line("        private static class Downcall {");
        out.line(
                "            public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);");
        out.line("        }");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Function descriptor for:", signature);
        out.line("    public static FunctionDescriptor " + name + "$descriptor() {");
        out.line("        return " + name + ".DESC;");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Downcall method handle for:", signature);
        out.line("    public static MethodHandle " + name + "$handle() {");
        out.line("        return " + name + ".Downcall.HANDLE;");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Address for:", signature);
        out.line("    public static MemorySegment " + name + "$address() {");
        out.line("        return " + name + ".ADDR;");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "", signature);
        String returnType = Layouts.carrier(f.returnType());
        out.line("    public static " + returnType + " " + name + "(" + String.join(", ", paramDecls) + ") {");
        out.line("        var mh$ = " + name + ".Downcall.HANDLE;");
        out.line("        try {");
        String call = "mh$.invokeExact(" + String.join(", ", paramNames) + ");";
        out.line("            " + (isVoid ? call : "return (" + returnType + ")" + call));
        out.line("        } catch (Error | RuntimeException ex) {");
        out.line("           throw ex;");
        out.line("        } catch (Throwable ex$) {");
        out.line("           throw new AssertionError(\"should not reach here\", ex$);");
        out.line("        }");
        out.line("    }");
    }

    private void constant(SourceBuilder out, Constant c) {
        String javaType = c.value().javaType();
        String name = JavaNames.safe(c.name());
        // jextract's spelling: an int constant is a narrowed long literal; a long needs no cast (it would be
        // redundant).
        String literal = c.value().value() + "L";
        out.line("    private static final " + javaType + " " + name + " = "
                + ("int".equals(javaType) ? "(int)" + literal : literal) + ";");
        out.blank();
        out.cSnippet("    ", "", c.source());
        out.line("    public static " + javaType + " " + name + "() {");
        out.line("        return " + name + ";");
        out.line("    }");
    }
}
