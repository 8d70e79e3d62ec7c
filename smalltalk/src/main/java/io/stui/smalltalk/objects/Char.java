package io.stui.smalltalk.objects;

/** A Smalltalk Character: an immutable Unicode code point; the first 256 are shared instances. */
public final class Char {
    private static final Char[] TABLE = new Char[256];

    static {
        for (int i = 0; i < 256; i++) TABLE[i] = new Char(i);
    }

    public final int value;

    private Char(int value) {
        this.value = value;
    }

    public static Char of(int codePoint) {
        if (codePoint >= 0 && codePoint < 256) return TABLE[codePoint];
        return new Char(codePoint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Char c && c.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return new String(Character.toChars(value));
    }
}
