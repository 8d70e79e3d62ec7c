package io.stui.nativegen;

/**
 * The kinds of declaration jextract's {@code --include-*} options select, each named as its option is.
 * zmq.h declares no unions and no global variables, so the model has neither and jextract's
 * {@code --include-union}/{@code --include-var} have nothing to select here.
 */
public enum IncludeKind {
    FUNCTION("function"),
    CONSTANT("constant"),
    STRUCT("struct"),
    TYPEDEF("typedef");

    private final String word;

    IncludeKind(String word) {
        this.word = word;
    }

    /** The option that selects this kind: {@code --include-function}... */
    public String option() {
        return "--include-" + word;
    }

    /** The kind an {@code --include-*} option names, or null if it names none. */
    static IncludeKind ofOption(String option) {
        for (IncludeKind kind : values()) {
            if (kind.option().equals(option)) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return word;
    }
}
