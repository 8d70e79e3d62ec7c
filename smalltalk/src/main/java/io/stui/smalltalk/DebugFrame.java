package io.stui.smalltalk;

/**
 * One frame of a suspended evaluation, innermost first ({@code index} 0).
 *
 * @param method        Pharo-style description, e.g. {@code SmallInteger(Integer)>>factorial}, {@code [] in UndefinedObject>>DoIt}
 * @param className     the class that defines the method (without " class")
 * @param selector      the method's selector ({@code DoIt} for evaluated code)
 * @param classSide     whether the method is a class-side method
 * @param receiverClass the receiver's class name
 * @param line          1-based line, in the method's source, of the send being executed; 0 before the first send
 * @param startColumn   1-based column where that send's selector starts; 0 when unknown
 * @param endColumn     column just after the selector's first part (exclusive)
 * @param restartable   whether {@code restart} can run this frame again
 */
public record DebugFrame(
        int index,
        String method,
        String className,
        String selector,
        boolean classSide,
        String receiverClass,
        int line,
        int startColumn,
        int endColumn,
        boolean isBlock,
        boolean restartable) {}
