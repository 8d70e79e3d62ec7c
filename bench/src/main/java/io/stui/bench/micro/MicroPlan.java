package io.stui.bench.micro;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The cases of a micro run: which benchmark methods the {@code --include} regex selects (found the
 * way JMH finds them, {@code find} on {@code class.method}), and the values of their case
 * parameters ({@code pattern}, {@code transport}, {@code size}) from the {@code @Param}
 * annotations, or from {@code --param} where the user narrowed them.
 */
final class MicroPlan {
    private static final List<Class<?>> ROUND_TRIP = List.of(RoundTripBenchmark.class);
    private static final List<Class<?>> THROUGHPUT = List.of(ThroughputBenchmark.class);
    private static final List<Class<?>> IN_PROCESS = List.of(InProcessBenchmark.class, DowncallBenchmark.class);

    private MicroPlan() {}

    /**
     * Parses {@code --param NAME=V1,V2} options; a later option for the same name replaces an earlier one.
     *
     * @throws IllegalArgumentException when one is not of that form
     */
    static Map<String, List<String>> parseParams(List<String> options) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String p : options) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("--param needs NAME=V1,V2, got '" + p + "'");
            }
            params.put(
                    p.substring(0, eq).strip(),
                    Arrays.stream(p.substring(eq + 1).split(","))
                            .map(String::strip)
                            .toList());
        }
        return params;
    }

    /** The cases in run order: round trips (pattern, transport, size), then throughput, then the in-process calls. */
    static List<MicroCase> cases(String include, Map<String, List<String>> params) {
        Pattern regex = Pattern.compile(include);
        List<MicroCase> cases = new ArrayList<>();
        List<String> rtt = methods(ROUND_TRIP, regex);
        if (!rtt.isEmpty()) {
            for (String pattern : values(RoundTripBenchmark.class, "pattern", params)) {
                for (String transport : values(RoundTripBenchmark.class, "transport", params)) {
                    for (String size : values(RoundTripBenchmark.class, "size", params)) {
                        cases.add(new MicroCase(
                                MicroCase.Kind.ROUND_TRIP, pattern, transport, Integer.parseInt(size), rtt));
                    }
                }
            }
        }
        List<String> thr = methods(THROUGHPUT, regex);
        if (!thr.isEmpty()) {
            for (String transport : values(ThroughputBenchmark.class, "transport", params)) {
                for (String size : values(ThroughputBenchmark.class, "size", params)) {
                    cases.add(new MicroCase(MicroCase.Kind.THROUGHPUT, "", transport, Integer.parseInt(size), thr));
                }
            }
        }
        List<String> inProcess = methods(IN_PROCESS, regex);
        if (!inProcess.isEmpty()) {
            cases.add(new MicroCase(MicroCase.Kind.IN_PROCESS, "", "", 0, inProcess));
        }
        return cases;
    }

    /** Full names of the benchmark methods of these classes that the regex selects, in name order. */
    private static List<String> methods(List<Class<?>> classes, Pattern regex) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : classes) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .map(Method::getName)
                    .sorted(Comparator.naturalOrder())
                    .map(m -> c.getName() + "." + m)
                    .filter(full -> regex.matcher(full).find())
                    .forEach(names::add);
        }
        return names;
    }

    /** The user's values for a parameter if given, else the benchmark's own {@code @Param} values. */
    private static List<String> values(Class<?> benchmark, String name, Map<String, List<String>> params) {
        List<String> given = params.get(name);
        if (given != null) {
            return given;
        }
        try {
            Field f = benchmark.getField(name);
            return List.of(f.getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(benchmark.getSimpleName() + " has no @Param " + name, e);
        }
    }
}
