package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;
import static io.stui.smalltalk.primitives.Primitives.bool;

import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Num;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Integer (SmallInteger and LargeIntegers) and Float arithmetic. Non-numeric or exotic arguments fail to Smalltalk code. */
final class NumberPrims {
    private NumberPrims() {}

    private static boolean isInt(Object o) {
        return o instanceof Long || o instanceof BigInteger;
    }

    private static BigInteger big(Object o) {
        return Num.big(o);
    }

    private static Object track(Interpreter in, Object result, Context s) {
        if (result instanceof BigInteger b && b.bitLength() > 4096) in.allocate(b.bitLength() / 8, s);
        return result;
    }

    interface IntOp {
        Object apply(Object a, Object b);
    }

    interface DblOp {
        Object apply(double a, double b);
    }

    /** Integer results may have at most this many bits: bigger products take unboundedly long to compute. */
    static final long MAX_INTEGER_BITS = 32_000_000;

    private static long bits(Object o) {
        return o instanceof Long ? 64 : ((BigInteger) o).bitLength();
    }

    private static Primitive arith(IntOp iop, DblOp dop) {
        return (in, r, a, s) -> {
            Object x = a[0];
            if (isInt(x)) {
                if (bits(r) + bits(x) > MAX_INTEGER_BITS) tooLarge(in, s);
                return track(in, iop.apply(r, x), s);
            }
            if (x instanceof Double d && dop != null) return dop.apply(toDouble(r), d);
            return FAIL;
        };
    }

    static void tooLarge(Interpreter in, Context s) {
        throw new ControlFlow.Termination(
                "AllocationLimitExceeded", "an integer result would exceed " + MAX_INTEGER_BITS + " bits", s);
    }

    static double toDouble(Object o) {
        if (o instanceof Long l) return l;
        if (o instanceof BigInteger b) return b.doubleValue();
        return (Double) o;
    }

    private static int cmp(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        return big(a).compareTo(big(b));
    }

    /** Exact comparison of an integer with a float (as Pharo does, without rounding the integer). */
    private static int cmpIntFloat(Object i, double d) {
        if (Double.isNaN(d)) return 2;
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        return new BigDecimal(big(i)).compareTo(new BigDecimal(d));
    }

    private static Primitive compare(java.util.function.IntPredicate p) {
        return (in, r, a, s) -> {
            Object x = a[0];
            if (isInt(x)) return bool(p.test(cmp(r, x)));
            if (x instanceof Double d) {
                int c = cmpIntFloat(r, d);
                return c == 2 ? Boolean.FALSE : bool(p.test(c));
            }
            return FAIL;
        };
    }

    private static Primitive fcompare(java.util.function.IntPredicate p) {
        return (in, r, a, s) -> {
            double x = (Double) r;
            Object y = a[0];
            if (y instanceof Double d) {
                if (Double.isNaN(x) || Double.isNaN(d)) return Boolean.FALSE;
                return bool(p.test(Double.compare(x == 0 ? 0.0 : x, d == 0 ? 0.0 : d)));
            }
            if (isInt(y)) {
                int c = cmpIntFloat(y, x);
                return c == 2 ? Boolean.FALSE : bool(p.test(-c));
            }
            return FAIL;
        };
    }

    private static Primitive fmath(DoubleUnaryOperator f) {
        return (in, r, a, s) -> f.applyAsDouble((Double) r);
    }

    static void register(Map<String, Primitive> m) {
        m.put(
                "intAdd",
                arith(
                        (x, y) -> x instanceof Long a && y instanceof Long b
                                ? Num.norm(a + b)
                                : Num.norm(big(x).add(big(y))),
                        (x, y) -> x + y));
        m.put(
                "intSub",
                arith(
                        (x, y) -> x instanceof Long a && y instanceof Long b
                                ? Num.norm(a - b)
                                : Num.norm(big(x).subtract(big(y))),
                        (x, y) -> x - y));
        m.put("intMul", arith((x, y) -> Num.norm(big(x).multiply(big(y))), (x, y) -> x * y));
        m.put("intLt", compare(c -> c < 0));
        m.put("intGt", compare(c -> c > 0));
        m.put("intLe", compare(c -> c <= 0));
        m.put("intGe", compare(c -> c >= 0));
        m.put("intEq", (in, r, a, s) -> {
            Object x = a[0];
            if (isInt(x)) return bool(cmp(r, x) == 0);
            if (x instanceof Double d) return bool(cmpIntFloat(r, d) == 0);
            return FAIL;
        });
        m.put("intDiv", (in, r, a, s) -> {
            Object x = a[0];
            if (x instanceof Double d) return d == 0 ? FAIL : toDouble(r) / d;
            if (!isInt(x) || big(x).signum() == 0) return FAIL;
            BigInteger[] qr = big(r).divideAndRemainder(big(x));
            return qr[1].signum() == 0 ? Num.norm(qr[0]) : FAIL;
        });
        m.put("intFloorDiv", (in, r, a, s) -> {
            Object x = a[0];
            if (!isInt(x) || big(x).signum() == 0) return FAIL;
            if (r instanceof Long p && x instanceof Long q) return Num.norm(Math.floorDiv(p, q));
            BigInteger[] qr = big(r).divideAndRemainder(big(x));
            BigInteger q = qr[0];
            if (qr[1].signum() != 0 && qr[1].signum() != big(x).signum()) q = q.subtract(BigInteger.ONE);
            return Num.norm(q);
        });
        m.put("intFloorMod", (in, r, a, s) -> {
            Object x = a[0];
            if (!isInt(x) || big(x).signum() == 0) return FAIL;
            if (r instanceof Long p && x instanceof Long q) return Math.floorMod(p, q);
            BigInteger rem = big(r).mod(big(x).abs());
            if (big(x).signum() < 0 && rem.signum() != 0) rem = rem.add(big(x));
            return Num.norm(rem);
        });
        m.put("intQuo", (in, r, a, s) -> {
            Object x = a[0];
            if (!isInt(x) || big(x).signum() == 0) return FAIL;
            return Num.norm(big(r).divide(big(x)));
        });
        m.put("intRem", (in, r, a, s) -> {
            Object x = a[0];
            if (!isInt(x) || big(x).signum() == 0) return FAIL;
            return Num.norm(big(r).remainder(big(x)));
        });
        m.put("intGcd", (in, r, a, s) -> isInt(a[0]) ? Num.norm(big(r).gcd(big(a[0]))) : FAIL);
        m.put("intBitAnd", (in, r, a, s) -> isInt(a[0]) ? Num.norm(big(r).and(big(a[0]))) : FAIL);
        m.put("intBitOr", (in, r, a, s) -> isInt(a[0]) ? Num.norm(big(r).or(big(a[0]))) : FAIL);
        m.put("intBitXor", (in, r, a, s) -> isInt(a[0]) ? Num.norm(big(r).xor(big(a[0]))) : FAIL);
        m.put("intBitShift", (in, r, a, s) -> {
            if (!(a[0] instanceof Long n)) return FAIL;
            if (n > 0 && bits(r) + n > MAX_INTEGER_BITS) tooLarge(in, s);
            if (n > 0) in.allocate((big(r).bitLength() + n) / 8, s);
            return Num.norm(
                    n >= 0
                            ? big(r).shiftLeft((int) (long) n)
                            : big(r).shiftRight((int) Math.min(-n, Integer.MAX_VALUE)));
        });
        m.put("intHighBit", (in, r, a, s) -> (long) big(r).abs().bitLength());
        m.put("intPrintBase", (in, r, a, s) -> {
            if (!(a[0] instanceof Long b) || b < 2 || b > 36) return FAIL;
            return new StString(Printer.printInteger(r, (int) (long) b));
        });
        m.put("intPrintString", (in, r, a, s) -> new StString(r.toString()));
        m.put("intAsFloat", (in, r, a, s) -> toDouble(r));
        m.put("intSqrtFloor", (in, r, a, s) -> big(r).signum() < 0 ? FAIL : Num.norm(big(r).sqrt()));
        m.put("intPow", (in, r, a, s) -> {
            if (!(a[0] instanceof Long e) || e < 0) return FAIL;
            if (r instanceof Long b && Math.abs(b) <= 1) return e == 0 ? 1L : b == -1 ? (e % 2 == 0 ? 1L : -1L) : b;
            long bits = (long) Math.ceil(big(r).abs().bitLength() * (double) e);
            if (bits > MAX_INTEGER_BITS) {
                in.allocate(bits / 8, s);
                tooLarge(in, s);
            }
            in.allocate(bits / 8, s);
            return Num.norm(big(r).pow((int) (long) e));
        });
        m.put("intHash", (in, r, a, s) -> r instanceof Long l ? (Object) l : (long) (big(r).hashCode() & 0x3FFFFFFF));
        m.put("intIsProbablePrime", (in, r, a, s) -> bool(big(r).signum() > 0 && big(r).isProbablePrime(40)));
        m.put("intNegated", (in, r, a, s) -> Num.negate(r));

        m.put(
                "floatAdd",
                (in, r, a, s) -> a[0] instanceof Double || isInt(a[0]) ? (Object) ((Double) r + toDouble(a[0])) : FAIL);
        m.put(
                "floatSub",
                (in, r, a, s) -> a[0] instanceof Double || isInt(a[0]) ? (Object) ((Double) r - toDouble(a[0])) : FAIL);
        m.put(
                "floatMul",
                (in, r, a, s) -> a[0] instanceof Double || isInt(a[0]) ? (Object) ((Double) r * toDouble(a[0])) : FAIL);
        m.put(
                "floatDiv",
                (in, r, a, s) -> (a[0] instanceof Double || isInt(a[0])) && toDouble(a[0]) != 0
                        ? (Object) ((Double) r / toDouble(a[0]))
                        : FAIL);
        m.put("floatLt", fcompare(c -> c < 0));
        m.put("floatGt", fcompare(c -> c > 0));
        m.put("floatLe", fcompare(c -> c <= 0));
        m.put("floatGe", fcompare(c -> c >= 0));
        m.put("floatEq", fcompare(c -> c == 0));
        m.put("floatTruncated", (in, r, a, s) -> {
            double d = (Double) r;
            if (Double.isNaN(d) || Double.isInfinite(d)) return FAIL;
            if (Math.abs(d) < 9.0e15) return Num.norm((long) d);
            return Num.norm(new BigDecimal(d).toBigInteger());
        });
        m.put("floatFractionPart", (in, r, a, s) -> {
            double d = (Double) r;
            return d - (d < 0 ? Math.ceil(d) : Math.floor(d));
        });
        m.put("floatExponent", (in, r, a, s) -> (long) Math.getExponent((Double) r));
        // the IEEE 754 bits as an unsigned 64-bit integer: signBit, hex and significandAsInteger read them
        m.put(
                "floatBits",
                (in, r, a, s) ->
                        Num.norm(new BigInteger(Long.toUnsignedString(Double.doubleToRawLongBits((Double) r)))));
        m.put(
                "floatTimesTwoPower",
                (in, r, a, s) -> a[0] instanceof Long e
                        ? (Object) Math.scalb((Double) r, (int) Math.max(-4000, Math.min(4000, e)))
                        : FAIL);
        m.put("floatSqrt", fmath(Math::sqrt));
        m.put("floatSin", fmath(Math::sin));
        m.put("floatCos", fmath(Math::cos));
        m.put("floatTan", fmath(Math::tan));
        m.put("floatArcSin", fmath(Math::asin));
        m.put("floatArcCos", fmath(Math::acos));
        m.put("floatArcTan", fmath(Math::atan));
        m.put("floatLn", fmath(Math::log));
        m.put("floatLog10", fmath(Math::log10));
        m.put("floatExp", fmath(Math::exp));
        m.put("floatFloor", fmath(Math::floor));
        m.put("floatCeiling", fmath(Math::ceil));
        m.put(
                "floatPow",
                (in, r, a, s) ->
                        a[0] instanceof Double || isInt(a[0]) ? (Object) Math.pow((Double) r, toDouble(a[0])) : FAIL);
        m.put("floatIsNaN", (in, r, a, s) -> bool(Double.isNaN((Double) r)));
        m.put("floatIsInfinite", (in, r, a, s) -> bool(Double.isInfinite((Double) r)));
        m.put("floatPrintString", (in, r, a, s) -> new StString(Printer.printFloat((Double) r)));
        m.put("floatHash", (in, r, a, s) -> {
            double d = (Double) r;
            if (!Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d) && Math.abs(d) < 1e18)
                return Num.norm((long) d);
            return (long) (Double.hashCode(d) & 0x3FFFFFFF);
        });
        m.put("floatAsExactFraction", (in, r, a, s) -> {
            double d = (Double) r;
            if (Double.isNaN(d) || Double.isInfinite(d)) return FAIL;
            BigDecimal bd = new BigDecimal(d);
            BigInteger num = bd.unscaledValue();
            BigInteger den = BigInteger.ONE;
            if (bd.scale() > 0) den = BigInteger.TEN.pow(bd.scale());
            else num = num.multiply(BigInteger.TEN.pow(-bd.scale()));
            BigInteger g = num.gcd(den);
            if (g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
            return new Object[] {Num.norm(num), Num.norm(den)};
        });
        m.put("fractionAsFloat", (in, r, a, s) -> {
            StObject f = (StObject) r;
            Object n = f.slot(0), d = f.slot(1);
            if (!isInt(n) || !isInt(d) || big(d).signum() == 0) return FAIL;
            return new BigDecimal(big(n))
                    .divide(new BigDecimal(big(d)), new java.math.MathContext(40))
                    .doubleValue();
        });
        m.put("floatPi", (in, r, a, s) -> Math.PI);
        m.put("floatE", (in, r, a, s) -> Math.E);
        m.put("floatInfinity", (in, r, a, s) -> Double.POSITIVE_INFINITY);
        m.put("floatNegativeInfinity", (in, r, a, s) -> Double.NEGATIVE_INFINITY);
        m.put("floatNan", (in, r, a, s) -> Double.NaN);
        m.put("floatMaxVal", (in, r, a, s) -> Double.MAX_VALUE);
        m.put("floatRoundTo", (in, r, a, s) -> {
            if (!(a[0] instanceof Long places)) return FAIL;
            return new BigDecimal((Double) r)
                    .setScale((int) (long) places, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
        });
        m.put("floatPrintDecimals", (in, r, a, s) -> {
            if (!(a[0] instanceof Long places) || places < 0 || places > 100) return FAIL;
            double d = (Double) r;
            if (Double.isNaN(d) || Double.isInfinite(d)) return FAIL;
            return new StString(new BigDecimal(d)
                    .setScale((int) (long) places, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
        });
    }
}
