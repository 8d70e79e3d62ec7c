package io.stui.smalltalk;

/** A variable of a frame ({@code self}, arguments, temporaries, then those of enclosing frames) with its registry id. */
public record DebugVariable(String name, String className, String printString, String objectId) {}
