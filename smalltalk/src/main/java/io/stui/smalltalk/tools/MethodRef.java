package io.stui.smalltalk.tools;

/** A method found by a navigation query; {@code line} is 1-based in the method's source (the selector's line is 1). */
public record MethodRef(String className, String selector, boolean isClassMethod, int line) {}
