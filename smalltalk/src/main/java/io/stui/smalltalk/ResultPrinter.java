package io.stui.smalltalk;

import io.stui.smalltalk.image.ObjectRegistry;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * printStrings of results and of the objects tools show, computed by the object's own Smalltalk
 * {@code printOn:}; the tool forms never throw (a failing print is described instead).
 */
final class ResultPrinter {
    /** Result printStrings stop after this many characters (Pharo's printStringLimitedTo: marks the cut with ...etc...). */
    static final long RESULT_PRINT_LIMIT = 100_000;

    static final long TOOL_PRINT_LIMIT = 10_000;

    private final ClassTable classes;
    private final Environment env;

    ResultPrinter(ClassTable classes, Environment env) {
        this.classes = classes;
        this.env = env;
    }

    /** A short-lived interpreter for printing and inspection after (or outside) an evaluation. */
    Interp toolInterp(AtomicBoolean interrupt) {
        return new Interp(env, 2_000_000_000L, 20_000_000L, 64L << 20, 2_000, interrupt);
    }

    String printString(Object value, Interp in, long limit) {
        Object s = in.send1(value, "printStringLimitedTo:", limit, null);
        return s instanceof StString ss ? ss.str() : String.valueOf(s);
    }

    /** The result's printString; a printOn: that fails leaves the evaluation successful and says so, as an inspector does. */
    String resultPrintString(Object value, Interp in, AtomicBoolean interrupt) {
        try {
            return printString(value, in, RESULT_PRINT_LIMIT);
        } catch (ControlFlow.UnhandledError e) {
            String text = exceptionText(e.exception, toolInterp(interrupt));
            return "<error while printing " + className(value) + ": " + className(e.exception) + ": " + text + ">";
        }
    }

    /** The exception's messageText, or its description when the text is empty (Pharo's default messageText is ''). */
    String exceptionText(StObject exception, Interp tool) {
        String errorClass = className(exception);
        try {
            Object mt = tool.send0(exception, "messageText", null);
            String text =
                    mt instanceof StString s ? s.str() : mt == null ? "" : printString(mt, tool, RESULT_PRINT_LIMIT);
            if (!text.isEmpty()) return text;
            Object d = tool.send0(exception, "description", null);
            return d instanceof StString s ? s.str() : errorClass;
        } catch (RuntimeException ex) {
            return errorClass;
        }
    }

    /**
     * The printString of a SmallInteger or Boolean without running Smalltalk, or null. Only while this workspace
     * has added no methods to kernel classes: it could have redefined printString/printOn: on them or Object.
     */
    String directPrint(Object value) {
        return (value instanceof Long || value instanceof Boolean) && env.extendsNoKernelClass()
                ? value.toString()
                : null;
    }

    /** printString that never throws: failures are described instead. */
    String safePrint(Object value, Interp tool) {
        if (value == null) return "nil";
        String direct = directPrint(value);
        if (direct != null) return direct;
        try {
            Interp in = tool != null ? tool : toolInterp(null);
            return printString(value, in, TOOL_PRINT_LIMIT);
        } catch (ControlFlow.UnhandledError e) {
            return "<printString failed: " + className(e.exception) + ">";
        } catch (ControlFlow.Termination t) {
            return "<printString failed: " + t.errorClass + ">";
        } catch (RuntimeException | StackOverflowError e) {
            return "<printString failed>";
        }
    }

    String className(Object value) {
        return classes.classOf(value).printName();
    }

    /** One named part of an inspected object: its class, its printString and its id in {@code registry}. */
    Reflection.Slot slot(String name, Object value, Interp tool, ObjectRegistry registry) {
        return new Reflection.Slot(name, className(value), safePrint(value, tool), registry.register(value));
    }

    /** A unary send from a tool (inspector, pager) that answers null instead of failing. */
    static Object safeSend(Object receiver, String selector, Interp tool) {
        try {
            return tool.send0(receiver, selector, null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
