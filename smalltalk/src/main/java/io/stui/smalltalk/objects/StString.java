package io.stui.smalltalk.objects;

import java.util.Arrays;

/** A mutable Smalltalk String (ByteString or WideString by content) stored as UTF-16 chars. */
public class StString {
    public char[] chars;
    /** True when some character needs more than 8 bits (a WideString in Pharo's terms). */
    private boolean wide;

    public StString(String s) {
        this.chars = s.toCharArray();
        refresh();
    }

    public StString(char[] chars) {
        this.chars = chars;
        refresh();
    }

    /** Recomputes the byte/wide representation after the characters changed. */
    public final void refresh() {
        boolean w = false;
        for (char c : chars)
            if (c > 255) {
                w = true;
                break;
            }
        wide = w;
    }

    /** Keeps the byte/wide representation right after a character of this code point was stored. */
    public final void stored(int codePoint) {
        if (codePoint > 255) wide = true;
        else if (wide) refresh();
    }

    public int size() {
        return chars.length;
    }

    public String str() {
        return new String(chars);
    }

    public boolean isWide() {
        return wide;
    }

    public boolean sameChars(StString o) {
        return Arrays.equals(chars, o.chars);
    }

    @Override
    public String toString() {
        return str();
    }
}
