package io.stui.smalltalk.tools;

import java.util.List;

/** A class's superclass chain (nearest first, up to {@code Object}/{@code ProtoObject}) and its subclass tree. */
public record Hierarchy(String className, List<String> superclasses, ClassTree subclasses) {}
