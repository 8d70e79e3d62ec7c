package io.stui.smalltalk.image;

import java.util.ArrayList;
import java.util.List;

/** What the readers make of a file: declarations to apply, each knowing where in its file it was written. */
public final class Definitions {
    private Definitions() {}

    /** A place in a source file; answers line and column of an offset. */
    public record Where(SourceText file, int offset) {
        public Problem failure(String message) {
            return at(file, offset, message);
        }

        public static Problem at(SourceText file, int offset, String message) {
            String text = file.contents();
            int line = 1, col = 1;
            for (int i = 0; i < Math.min(offset, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else col++;
            }
            return new Problem(file.name(), line, col, message);
        }
    }

    public enum Kind {
        CLASS,
        TRAIT,
        EXTENSION,
        PACKAGE
    }

    /** A Tonel class, trait, extension or package declaration. */
    public static final class ClassDef {
        public Kind kind;
        public String name;
        public String superclass;
        public List<String> instVars = new ArrayList<>();
        public List<String> classVars = new ArrayList<>();
        public List<String> classInstVars = new ArrayList<>();
        public String category;
        public String packageName;
        public String tag;
        public String type;
        public String traits;
        public String classTraits;
        public String comment;
        public Where where;

        public String effectiveCategory() {
            if (category != null) return category;
            if (packageName != null) return tag == null ? packageName : packageName + "-" + tag;
            return "Unclassified";
        }
    }

    /**
     * A method: its source as Pharo keeps it (pattern, then body), and how offsets in that source map back to the
     * file (the pattern and the body may sit apart in the file, as in Tonel's {@code Foo >> bar [ ... ]}).
     */
    public record MethodDef(
            String className,
            boolean classSide,
            String category,
            String source,
            SourceText file,
            int patternOffset,
            int patternLength,
            int bodyOffset) {
        public Problem failure(int sourceOffset, String message) {
            int fileOffset = sourceOffset < patternLength
                    ? patternOffset + sourceOffset
                    : bodyOffset + (sourceOffset - patternLength);
            return Where.at(file, fileOffset, message);
        }

        public String target() {
            return className + (classSide ? " class" : "") + ">>";
        }
    }

    /** A chunk-format expression (a class definition, a comment, an initialisation) evaluated in file order. */
    public record Doit(String code, Where where) {}

    /** One file, read: Tonel declarations and methods, or chunk-format items in file order (Doit or MethodDef). */
    public record ReadFile(SourceText file, ClassDef declaration, List<MethodDef> methods, List<Object> chunkItems) {}
}
