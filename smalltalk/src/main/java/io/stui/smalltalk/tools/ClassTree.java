package io.stui.smalltalk.tools;

import java.util.List;

/** A class and its subclasses down to the depth asked for ({@code truncated} when deeper ones were left out). */
public record ClassTree(String name, List<ClassTree> subclasses, boolean truncated) {}
