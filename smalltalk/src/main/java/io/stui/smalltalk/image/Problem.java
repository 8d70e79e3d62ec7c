package io.stui.smalltalk.image;

/** Something wrong in a source file, and where: 1-based line and column (0 when not known). */
public record Problem(String file, int line, int column, String message) {}
