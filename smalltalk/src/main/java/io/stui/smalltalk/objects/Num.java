package io.stui.smalltalk.objects;

import java.math.BigInteger;

/** Integer representation helpers: SmallInteger range values are Longs, larger ones BigIntegers. */
public final class Num {
    private Num() {}

    /** Pharo 64-bit SmallInteger range: 61-bit two's complement. */
    public static final long SMALL_MAX = (1L << 60) - 1;

    public static final long SMALL_MIN = -(1L << 60);
    static final BigInteger BIG_SMALL_MAX = BigInteger.valueOf(SMALL_MAX);
    static final BigInteger BIG_SMALL_MIN = BigInteger.valueOf(SMALL_MIN);

    public static Object norm(BigInteger b) {
        if (b.bitLength() <= 63) {
            long v = b.longValue();
            if (v >= SMALL_MIN && v <= SMALL_MAX) return v;
        }
        return b;
    }

    public static Object norm(long v) {
        if (v >= SMALL_MIN && v <= SMALL_MAX) return v;
        return BigInteger.valueOf(v);
    }

    public static boolean isSmall(long v) {
        return v >= SMALL_MIN && v <= SMALL_MAX;
    }

    public static BigInteger big(Object o) {
        if (o instanceof Long l) return BigInteger.valueOf(l);
        return (BigInteger) o;
    }

    public static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof BigInteger;
    }

    public static Object negate(Object v) {
        if (v instanceof Long l) return norm(BigInteger.valueOf(l).negate());
        if (v instanceof BigInteger b) return norm(b.negate());
        if (v instanceof Double d) return -d;
        return v;
    }
}
