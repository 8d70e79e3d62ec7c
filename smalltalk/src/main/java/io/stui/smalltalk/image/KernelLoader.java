package io.stui.smalltalk.image;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.compiler.Compiler;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.VariableResolver;
import io.stui.smalltalk.primitives.Primitives;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots a kernel: the core classes in Java ({@link ClassTable}), then the kernel's Smalltalk sources from
 * resources (load order in {@code manifest.txt}, chunk format), then the exception machinery linked and the
 * table frozen. Each call boots a new, independent kernel; the engine keeps one per JVM.
 */
public final class KernelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KernelLoader.class);
    private static final String RESOURCE_DIR = "/io/stui/smalltalk/kernel/";
    private static final Pattern METHODS_FOR =
            Pattern.compile("^\\s*(\\w+)( class)? methodsFor: '([^']*)'\\s*$", Pattern.DOTALL);

    private final ClassTable classes;
    private final Interp interp;

    private KernelLoader(ClassTable classes) {
        this.classes = classes;
        this.interp = new Interp(classes.bootEnv, Long.MAX_VALUE / 4, 0, 0, 100_000, null);
    }

    /** Boots a new kernel and answers its frozen class table. */
    public static ClassTable boot() {
        long t0 = System.nanoTime();
        ClassTable classes = new ClassTable(Primitives.all());
        KernelLoader loader = new KernelLoader(classes);
        for (String line : resource("manifest.txt").split("\n")) {
            String file = line.trim();
            if (file.isEmpty() || file.startsWith("#")) continue;
            loader.loadChunks(file, resource(file));
        }
        classes.linkAndFreeze();
        LOG.debug(
                "Smalltalk kernel booted in {} ms: {} classes",
                (System.nanoTime() - t0) / 1_000_000,
                classes.kernelClasses.size());
        return classes;
    }

    private static String resource(String name) {
        try (InputStream in = KernelLoader.class.getResourceAsStream(RESOURCE_DIR + name)) {
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

    private void loadChunks(String file, String text) {
        List<String> chunks = ChunkReader.split(text);
        int i = 0;
        while (i < chunks.size()) {
            String chunk = chunks.get(i++);
            if (chunk.isBlank()) {
                if (i < chunks.size()) {
                    Matcher m = METHODS_FOR.matcher(chunks.get(i));
                    if (m.matches()) {
                        i++;
                        StClass c = (StClass) classes.globals.get(m.group(1)).value;
                        if (m.group(2) != null) c = c.cls;
                        while (i < chunks.size() && !chunks.get(i).isBlank()) {
                            String src = chunks.get(i++).strip();
                            try {
                                ClassBuilder.compile(classes.bootEnv, c, src, m.group(3));
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
            evaluate(file, chunk);
        }
    }

    private void evaluate(String file, String code) {
        try {
            Ast.Method ast = Parser.parseDoit(code);
            CompiledMethod m = new CompiledMethod(
                    ast, classes.undefinedObject, "doits", null, true, NO_WORKSPACE, Compiler.bodies(classes));
            interp.invoke(m, null, Interp.NO_ARGS, null);
        } catch (SyntaxError e) {
            throw new IllegalStateException(file + ": " + e.getMessage() + " in\n" + code, e);
        } catch (ControlFlow.UnhandledError e) {
            throw new IllegalStateException(file + ": error while loading: " + code, e);
        }
    }

    /** Kernel doits have no workspace: every name they use must be a kernel global. */
    private static final VariableResolver NO_WORKSPACE = new VariableResolver() {
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
}
