package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;
import static io.stui.smalltalk.primitives.Primitives.bool;

import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Char;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Characters, strings, symbols, arrays and byte arrays: creation, bulk copy, comparison, sorting. */
final class CollectionPrims {
    private CollectionPrims() {}

    static final int MAX_INDEXED = 100_000_000;
    private static final StSymbol SYM_DO = StSymbol.of("do:");
    private static final StSymbol SYM_INJECT = StSymbol.of("inject:into:");

    static void register(Map<String, Primitive> m) {
        // ---- Character
        m.put("charValue", (in, r, a, s) -> (long) ((Char) r).value);
        m.put(
                "charFromValue",
                (in, r, a, s) -> a[0] instanceof Long v && v >= 0 && v <= 0x10FFFF ? Char.of((int) (long) v) : FAIL);
        m.put("charIsLetter", (in, r, a, s) -> bool(Character.isLetter(((Char) r).value)));
        m.put("charIsDigit", (in, r, a, s) -> bool(Character.isDigit(((Char) r).value)));
        m.put("charIsUppercase", (in, r, a, s) -> bool(Character.isUpperCase(((Char) r).value)));
        m.put("charIsLowercase", (in, r, a, s) -> bool(Character.isLowerCase(((Char) r).value)));
        m.put("charIsSeparator", (in, r, a, s) -> {
            int c = ((Char) r).value;
            return bool(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
        });
        m.put("charAsUppercase", (in, r, a, s) -> Char.of(Character.toUpperCase(((Char) r).value)));
        m.put("charAsLowercase", (in, r, a, s) -> Char.of(Character.toLowerCase(((Char) r).value)));

        // ---- creation
        m.put("arrayNew", (in, r, a, s) -> {
            if (!(a[0] instanceof Long n) || n < 0) return FAIL;
            in.allocate(16 + 8 * n, s);
            if (n > MAX_INDEXED) return FAIL;
            StClass c = (StClass) r;
            if (c.format == StClass.Format.INDEXED) return new StIndexed(c, c.instSize(), (int) (long) n);
            if (c != in.classes.array) return FAIL;
            return new Object[(int) (long) n];
        });
        m.put("stringNew", (in, r, a, s) -> {
            if (!(a[0] instanceof Long n) || n < 0) return FAIL;
            in.allocate(16 + 2 * n, s);
            if (n > MAX_INDEXED) return FAIL;
            char[] cs = new char[(int) (long) n];
            Arrays.fill(cs, ' ');
            return new StString(cs);
        });
        m.put("bytesNew", (in, r, a, s) -> {
            if (!(a[0] instanceof Long n) || n < 0) return FAIL;
            in.allocate(16 + n, s);
            if (n > MAX_INDEXED) return FAIL;
            return new byte[(int) (long) n];
        });
        m.put("replaceFromToWithStartingAt", (in, r, a, s) -> {
            if (!(a[0] instanceof Long start) || !(a[1] instanceof Long stop) || !(a[3] instanceof Long rs))
                return FAIL;
            int from = (int) (start - 1), n = (int) (stop - start + 1), src = (int) (rs - 1);
            if (n <= 0) return n == 0 ? r : FAIL;
            Object repl = a[2];
            in.step(s);
            try {
                if (r instanceof Object[] dst && repl instanceof Object[] sa) System.arraycopy(sa, src, dst, from, n);
                else if (r instanceof StIndexed dst && repl instanceof Object[] sa)
                    System.arraycopy(sa, src, dst.items, from, n);
                else if (r instanceof Object[] dst && repl instanceof StIndexed sa)
                    System.arraycopy(sa.items, src, dst, from, n);
                else if (r instanceof StIndexed dst && repl instanceof StIndexed sa)
                    System.arraycopy(sa.items, src, dst.items, from, n);
                else if (r instanceof StString dst && !(r instanceof StSymbol) && repl instanceof StString sa) {
                    System.arraycopy(sa.chars, src, dst.chars, from, n);
                    dst.refresh();
                } else if (r instanceof byte[] dst && repl instanceof byte[] sa)
                    System.arraycopy(sa, src, dst, from, n);
                else if (r instanceof Object[] dst && repl instanceof StString sa) {
                    for (int i = 0; i < n; i++) dst[from + i] = Char.of(sa.chars[src + i]);
                } else return FAIL;
            } catch (IndexOutOfBoundsException | ArrayStoreException e) {
                return FAIL;
            }
            return r;
        });
        m.put("copyFromTo", (in, r, a, s) -> {
            if (!(a[0] instanceof Long start) || !(a[1] instanceof Long stop)) return FAIL;
            int from = (int) (start - 1), to = (int) (long) stop;
            int size = ObjectPrims.indexedSize(r);
            if (to < from) {
                if (from < 0 || from > size) return FAIL;
                to = from;
            }
            if (from < 0 || to > size) return FAIL;
            in.allocate(16L + 8L * (to - from), s);
            if (r instanceof StString str) return new StString(Arrays.copyOfRange(str.chars, from, to));
            if (r instanceof Object[] arr) return Arrays.copyOfRange(arr, from, to);
            if (r instanceof byte[] b) return Arrays.copyOfRange(b, from, to);
            return FAIL;
        });

        // ---- strings
        m.put(
                "stringEq",
                (in, r, a, s) -> a[0] instanceof StString o ? bool(((StString) r).sameChars(o)) : Boolean.FALSE);
        m.put("stringCompare", (in, r, a, s) -> {
            if (!(a[0] instanceof StString o)) return FAIL;
            int c = ((StString) r).str().compareTo(o.str());
            return (long) Integer.signum(c);
        });
        m.put("stringCompareIgnoreCase", (in, r, a, s) -> {
            if (!(a[0] instanceof StString o)) return FAIL;
            return (long) Integer.signum(((StString) r).str().compareToIgnoreCase(o.str()));
        });
        m.put("stringHash", (in, r, a, s) -> (long) (((StString) r).str().hashCode() & 0x3FFFFFFF));
        m.put("stringConcat", (in, r, a, s) -> {
            if (!(a[0] instanceof StString o)) return FAIL;
            StString x = (StString) r;
            long n = (long) x.chars.length + o.chars.length;
            in.allocate(16 + 2 * n, s);
            if (n > MAX_INDEXED) return FAIL;
            char[] cs = Arrays.copyOf(x.chars, (int) n);
            System.arraycopy(o.chars, 0, cs, x.chars.length, o.chars.length);
            return new StString(cs);
        });
        m.put("stringAsSymbol", (in, r, a, s) -> {
            in.allocate(32L + 2L * ((StString) r).chars.length, s);
            return StSymbol.of(((StString) r).str());
        });
        m.put("stringAsString", (in, r, a, s) -> new StString(((StString) r).chars.clone()));
        m.put(
                "stringAsUppercase",
                (in, r, a, s) -> new StString(((StString) r).str().toUpperCase(Locale.ROOT)));
        m.put(
                "stringAsLowercase",
                (in, r, a, s) -> new StString(((StString) r).str().toLowerCase(Locale.ROOT)));
        m.put("stringPrintString", (in, r, a, s) -> new StString(Printer.quoted(((StString) r).str())));
        m.put("symbolPrintString", (in, r, a, s) -> new StString(Printer.symbol(((StSymbol) r).name)));
        m.put("symbolNumArgs", (in, r, a, s) -> (long) ((StSymbol) r).numArgs());
        m.put("stringIndexOfSubstring", (in, r, a, s) -> {
            if (!(a[0] instanceof StString o) || !(a[1] instanceof Long start)) return FAIL;
            return (long) (((StString) r).str().indexOf(o.str(), (int) Math.max(0, start - 1)) + 1);
        });
        m.put("stringReplaceAll", (in, r, a, s) -> {
            if (!(a[0] instanceof StString o) || !(a[1] instanceof StString n) || o.chars.length == 0) return FAIL;
            String res = ((StString) r).str().replace(o.str(), n.str());
            in.allocate(16 + 2L * res.length(), s);
            return new StString(res);
        });
        m.put("stringTrim", (in, r, a, s) -> new StString(((StString) r).str().strip()));
        m.put("stringSubstrings", (in, r, a, s) -> {
            String str = ((StString) r).str();
            String seps = a.length > 0 && a[0] instanceof StString sp ? sp.str() : " \t\n\r\f";
            List<Object> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < str.length(); i++) {
                char c = str.charAt(i);
                if (seps.indexOf(c) >= 0) {
                    if (cur.length() > 0) {
                        out.add(new StString(cur.toString()));
                        cur.setLength(0);
                    }
                } else cur.append(c);
            }
            if (cur.length() > 0) out.add(new StString(cur.toString()));
            return out.toArray();
        });
        m.put("stringLines", (in, r, a, s) -> {
            String[] parts = ((StString) r).str().split("\r\n|\r|\n", -1);
            int n = parts.length;
            if (n > 0 && parts[n - 1].isEmpty()) n--;
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) out[i] = new StString(parts[i]);
            return out;
        });
        m.put("stringFormat", (in, r, a, s) -> {
            if (!(a[0] instanceof Object[] args)) return FAIL;
            String str = ((StString) r).str();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < str.length(); i++) {
                char c = str.charAt(i);
                if (c == '{') {
                    int e = str.indexOf('}', i);
                    if (e > i) {
                        try {
                            int k = Integer.parseInt(str.substring(i + 1, e));
                            if (k >= 1 && k <= args.length) {
                                Object v = args[k - 1];
                                Object t = v instanceof StString vs
                                        ? vs
                                        : in.send(v, StSymbol.of("asString"), Interp.NO_ARGS, s);
                                sb.append(t instanceof StString ts ? ts.str() : String.valueOf(t));
                                i = e;
                                continue;
                            }
                        } catch (NumberFormatException ignored) {
                            // not a placeholder: copy as is
                        }
                    }
                }
                sb.append(c);
            }
            return new StString(sb.toString());
        });

        // ---- loops over SmallInteger intervals and arrays: the block is called directly (it still counts steps)
        m.put("intervalDo", (in, r, a, s) -> {
            StObject iv = (StObject) r;
            if (!(iv.slot(0) instanceof Long start)
                    || !(iv.slot(1) instanceof Long stop)
                    || !(iv.slot(2) instanceof Long step)
                    || step == 0
                    || !(a[0] instanceof StBlock b)
                    || b.numArgs() != 1) return FAIL;
            Context pc = in.primContext(r, SYM_DO, a, s);
            if (step > 0) for (long i = start; i <= stop; i += step) in.callBlock(b, new Object[] {i}, pc);
            else for (long i = start; i >= stop; i += step) in.callBlock(b, new Object[] {i}, pc);
            return r;
        });
        m.put("intervalInjectInto", (in, r, a, s) -> {
            StObject iv = (StObject) r;
            if (!(iv.slot(0) instanceof Long start)
                    || !(iv.slot(1) instanceof Long stop)
                    || !(iv.slot(2) instanceof Long step)
                    || step == 0
                    || !(a[1] instanceof StBlock b)
                    || b.numArgs() != 2) return FAIL;
            Object acc = a[0];
            Context pc = in.primContext(r, SYM_INJECT, a, s);
            if (step > 0) for (long i = start; i <= stop; i += step) acc = in.callBlock(b, new Object[] {acc, i}, pc);
            else for (long i = start; i >= stop; i += step) acc = in.callBlock(b, new Object[] {acc, i}, pc);
            return acc;
        });
        m.put("arrayDo", (in, r, a, s) -> {
            if (!(r instanceof Object[] arr) || !(a[0] instanceof StBlock b) || b.numArgs() != 1) return FAIL;
            Context pc = in.primContext(r, SYM_DO, a, s);
            for (int i = 0; i < arr.length; i++) in.callBlock(b, new Object[] {arr[i]}, pc);
            return r;
        });

        // ---- sorting: a stable merge sort calling the sort block, which may be any Smalltalk code
        m.put("sortBlock", (in, r, a, s) -> {
            Object[] arr = r instanceof Object[] x ? x : r instanceof StIndexed ix ? ix.items : null;
            if (arr == null || !(a[0] instanceof Long from) || !(a[1] instanceof Long to)) return FAIL;
            Object block = a[2];
            int lo = (int) (from - 1), hi = (int) (long) to;
            if (lo < 0 || hi > arr.length || lo >= hi) return r;
            Object[] tmp = new Object[hi - lo];
            mergeSort(in, arr, tmp, lo, hi, block, s);
            return r;
        });
    }

    private static boolean lessOrEqual(Interpreter in, Object block, Object x, Object y, Context s) {
        in.step(s);
        if (block == null) return Interp.truthy(in.send(x, StSymbol.of("<="), new Object[] {y}, s));
        Object v = block instanceof StBlock b
                ? in.callBlock(b, new Object[] {x, y}, s)
                : in.send(block, StSymbol.of("value:value:"), new Object[] {x, y}, s);
        return Interp.truthy(v);
    }

    private static void mergeSort(Interpreter in, Object[] a, Object[] tmp, int lo, int hi, Object block, Context s) {
        if (hi - lo < 2) return;
        if (hi - lo <= 8) {
            for (int i = lo + 1; i < hi; i++) {
                Object x = a[i];
                int j = i - 1;
                while (j >= lo && !lessOrEqual(in, block, a[j], x, s)) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(in, a, tmp, lo, mid, block, s);
        mergeSort(in, a, tmp, mid, hi, block, s);
        int i = lo, j = mid, k = 0;
        while (i < mid && j < hi) tmp[k++] = lessOrEqual(in, block, a[i], a[j], s) ? a[i++] : a[j++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, 0, a, lo, k);
    }
}
