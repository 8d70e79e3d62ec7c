package io.stui.smalltalk.image;

import java.util.ArrayList;
import java.util.List;

/** What the readers make of a file: declarations to apply, each knowing where in its file it was written. */
final class Definitions {
    private Definitions() {}

    /** A place in a source file; answers line and column of an offset. */
    record Where(SourceFile file, int offset) {
        LoadFailure failure(String message) {
            return at(file, offset, message);
        }

        static LoadFailure at(SourceFile file, int offset, String message) {
            String text = file.contents();
            int line = 1, col = 1;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else col++;
            }
            return new LoadFailure(file.name(), line, col, message);
        }
    }

    enum Kind {
        CLASS,
        TRAIT,
        EXTENSION,
        PACKAGE
    }

    /** A Tonel class, trait, extension or package declaration. */
    static final class ClassDef {
        Kind kind;
        String name;
        String superclass;
        List<String> instVars = new ArrayList<>();
        List<String> classVars = new ArrayList<>();
        List<String> classInstVars = new ArrayList<>();
        String category;
        String packageName;
        String tag;
        String type;
        String traits;
        String classTraits;
        String comment;
        Where where;

        String effectiveCategory() {
            if (category != null) return category;
            if (packageName != null) return tag == null ? packageName : packageName + "-" + tag;
            return "Unclassified";
        }
    }

    /**
     * A method: its source as Pharo keeps it (pattern, then body), and how offsets in that source map back to the
     * file (the pattern and the body may sit apart in the file, as in Tonel's {@code Foo >> bar [ ... ]}).
     */
    record MethodDef(
            String className,
            boolean classSide,
            String category,
            String source,
            SourceFile file,
            int patternOffset,
            int patternLength,
            int bodyOffset) {
        LoadFailure failure(int sourceOffset, String message) {
            int fileOffset = sourceOffset < patternLength
                    ? patternOffset + sourceOffset
                    : bodyOffset + (sourceOffset - patternLength);
            return Where.at(file, fileOffset, message);
        }

        String target() {
            return className + (classSide ? " class" : "") + ">>";
        }
    }

    /** A chunk-format expression (a class definition, a comment, an initialisation) evaluated in file order. */
    record Doit(String code, Where where) {}

    /** One file, read: Tonel declarations and methods, or chunk-format items in file order (Doit or MethodDef). */
    record ReadFile(SourceFile file, ClassDef declaration, List<MethodDef> methods, List<Object> chunkItems) {}
}
