package io.stui.protocol.request;

import io.stui.protocol.StuiException;

/**
 * One file of {@code load_code}: the name errors quote (its ending picks the format: {@code .class.st},
 * {@code .trait.st}, {@code .extension.st}, {@code package.st} are Tonel, other names chunk format) and its contents.
 */
public record CodeFile(String name, String contents) {
    public CodeFile {
        if (name == null || name.isBlank()) {
            throw StuiException.invalidField("files", "Every entry of 'files' needs a non-empty 'name'.");
        }
        if (contents == null) {
            throw StuiException.invalidField("files", "File '" + name + "' in 'files' has no 'contents'.");
        }
    }
}
