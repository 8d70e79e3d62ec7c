package io.stui.protocol;

import java.util.Arrays;

/**
 * An answer encoded into the encoding thread's reusable buffer and lent to the caller, so that a server
 * sending it at once makes no array of its own: the first {@link #length()} bytes of {@link #array()}.
 * Valid until the same thread encodes its next answer; {@link #toByteArray()} keeps a copy.
 */
public final class EncodedAnswer {
    private byte[] array;
    private int length;

    EncodedAnswer() {}

    void lend(byte[] array, int length) {
        this.array = array;
        this.length = length;
    }

    /** The array holding the answer from index 0 (it may be longer than the answer). */
    public byte[] array() {
        return array;
    }

    /** The answer's length in bytes. */
    public int length() {
        return length;
    }

    /** A copy of exactly the answer's bytes, to keep past the thread's next encode. */
    public byte[] toByteArray() {
        return Arrays.copyOf(array, length);
    }
}
