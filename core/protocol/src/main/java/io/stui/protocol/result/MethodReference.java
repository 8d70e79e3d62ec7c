package io.stui.protocol.result;

/**
 * One method found by a navigation query.
 *
 * @param className     the class defining the method
 * @param selector      its selector
 * @param isClassMethod whether it is on the class side
 * @param line          1-based line of the match in the method's source (1 for implementors)
 */
public record MethodReference(String className, String selector, boolean isClassMethod, int line) {}
