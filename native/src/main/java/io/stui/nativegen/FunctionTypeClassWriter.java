package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one class per function typedef ({@code zmq_free_fn}, {@code zmq_timer_fn}, {@code zmq_thread_fn})
 * in jextract's shape: a nested {@code Function} interface, {@code descriptor()}, {@code allocate} to make
 * an upcall stub and {@code invoke} to call a native function pointer of that type. Parameters clang
 * leaves unnamed in a function type are called {@code _x0}, {@code _x1}..., as jextract names them.
 */
final class FunctionTypeClassWriter {

    private final GeneratorConfig config;
    private final String version;
    private final Layouts layouts;

    FunctionTypeClassWriter(GeneratorConfig config, String version) {
        this.config = config;
        this.version = version;
        this.layouts = new Layouts(config.headerClassName());
    }

    String write(HeaderModel.FunctionTypedef typedef) {
        String cls = JavaNames.safe(typedef.name());
        String h = config.headerClassName();
        boolean isVoid = typedef.returnType() instanceof CType.Void;
        String returnType = Layouts.carrier(typedef.returnType());
        List<String> layoutsList = new ArrayList<>();
        List<String> decls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < typedef.params().size(); i++) {
            HeaderModel.Param p = typedef.params().get(i);
            String name = p.name().isEmpty() ? "_x" + i : JavaNames.safe(p.name());
            layoutsList.add(layouts.expression(p.type()));
            decls.add(Layouts.carrier(p.type()) + " " + name);
            names.add(name);
        }
        SourceBuilder out = new SourceBuilder(config, version);
        out.cSnippet("", "", CSignatures.functionTypedef(typedef));
        out.openClass("public", cls);
        out.javadoc("    ", "The function pointer signature, expressed as a functional interface");
        out.line("    public interface Function {");
        out.line("        " + returnType + " apply(" + String.join(", ", decls) + ");");
        out.line("    }");
        out.blank();
        List<String> desc = new ArrayList<>();
        if (!isVoid) {
            desc.add(layouts.expression(typedef.returnType()));
        }
        desc.addAll(layoutsList);
        out.functionDescriptor("    ", "private static final FunctionDescriptor $DESC", desc, isVoid);
        out.blank();
        out.javadoc("    ", "The descriptor of this function pointer");
        out.line("    public static FunctionDescriptor descriptor() {");
        out.line("        return $DESC;");
        out.line("    }");
        out.blank();
        out.line("    private static final MethodHandle UP$MH = " + h + ".upcallHandle(" + cls
                + ".Function.class, \"apply\", $DESC);");
        out.blank();
        out.javadoc(
                "    ",
                "Allocates a new upcall stub, whose implementation is defined by {@code fi}.",
                "The lifetime of the returned segment is managed by {@code arena}");
        out.line("    public static MemorySegment allocate(" + cls + ".Function fi, Arena arena) {");
        out.line("        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);");
        out.line("    }");
        out.blank();
        out.line("    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);");
        out.blank();
        out.javadoc("    ", "Invoke the upcall stub {@code funcPtr}, with given parameters");
        List<String> invokeDecls = new ArrayList<>(List.of("MemorySegment funcPtr"));
        invokeDecls.addAll(decls);
        List<String> invokeArgs = new ArrayList<>(List.of("funcPtr"));
        invokeArgs.addAll(names);
        out.line("    public static " + returnType + " invoke(" + String.join(", ", invokeDecls) + ") {");
        out.line("        try {");
        String call = "DOWN$MH.invokeExact(" + String.join(", ", invokeArgs) + ");";
        out.line("            " + (isVoid ? call : "return (" + returnType + ") " + call));
        out.line("        } catch (Error | RuntimeException ex) {");
        out.line("            throw ex;");
        out.line("        } catch (Throwable ex$) {");
        out.line("            throw new AssertionError(\"should not reach here\", ex$);");
        out.line("        }");
        out.line("    }");
        out.line("}");
        return out.toString();
    }
}
