package io.stui.smalltalk;

import java.util.Objects;

/**
 * One file of code to load, by contents: the engine never reads paths. {@code name} is what errors quote; its
 * ending picks the format ({@code .class.st}, {@code .trait.st}, {@code .extension.st}, {@code package.st}: Tonel;
 * any other name: chunk format, unless the contents start as a Tonel definition does).
 */
public record SourceFile(String name, String contents) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contents, "contents");
    }
}
