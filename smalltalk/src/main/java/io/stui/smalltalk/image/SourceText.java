package io.stui.smalltalk.image;

/** A file of code by name and contents, as the readers take it (the engine never reads paths). */
public record SourceText(String name, String contents) {}
