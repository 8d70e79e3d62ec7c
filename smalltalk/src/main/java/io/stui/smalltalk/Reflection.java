package io.stui.smalltalk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Value types answered by the workspace's reflection and inspection calls. */
public final class Reflection {
    private Reflection() {}

    /** A class as listed by {@link Workspace#listClasses}. */
    public record ClassInfo(String name, String superclass, String comment, String category, boolean isSystem) {}

    /** A class with its variables and selectors, from {@link Workspace#describeClass}. */
    public record ClassDescription(
            ClassInfo info,
            List<String> instanceVariables,
            List<String> classVariables,
            List<String> classInstanceVariables,
            List<String> instanceMethods,
            List<String> classMethods) {}

    /** A method's source and metadata, from {@link Workspace#method}. */
    public record MethodInfo(
            String className,
            String selector,
            String source,
            String category,
            boolean classSide,
            List<String> argumentNames,
            String comment) {}

    /** A workspace variable. */
    public record VariableInfo(String name, String className, String printString, String objectId) {}

    /** A named or indexed part of an inspected object. */
    public record Slot(String name, String className, String printString, String objectId) {}

    /** An inspected object. */
    public record Inspection(
            String objectId,
            String className,
            String printString,
            long identityHash,
            int size,
            List<Slot> namedVariables,
            List<Slot> indexedElements,
            List<String> selectors) {}

    /** One evaluation in the workspace history. */
    public record HistoryEntry(String code, String result, boolean ok, Instant timestamp) {}

    /** A frame of a failed evaluation (innermost first): its line in the method source, its locals as printStrings and registry ids. */
    public record Frame(
            String description,
            int line,
            String receiverClass,
            String receiverPrintString,
            String receiverId,
            Map<String, String> locals,
            Map<String, String> localIds) {}

    /** The last failed evaluation with its frames, for post-mortem debugging. */
    public record FailureReport(String code, EvalFailure failure, List<Frame> frames, Instant timestamp) {}

    /** An element of an inspected collection: its 1-based position, its key (dictionaries only, else null), its value. */
    public record Element(int index, Slot key, Slot value) {}
}
