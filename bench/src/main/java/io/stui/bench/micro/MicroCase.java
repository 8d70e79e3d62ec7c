package io.stui.bench.micro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One comparison of the micro run: the JMH benchmark methods and the C reference program that
 * measure the same thing (same pattern, transport and size), run next to each other in every repeat.
 *
 * @param kind      what is measured, which also names the C program
 * @param pattern   {@code REQ_REP} or {@code DEALER_ROUTER} for round trips, empty otherwise
 * @param transport {@code tcp} or {@code inproc} for round trips and throughput, empty otherwise
 * @param size      message size in bytes for round trips and throughput, 0 otherwise
 * @param methods   full names of the JMH benchmark methods of this case ({@code class.method})
 */
record MicroCase(Kind kind, String pattern, String transport, int size, List<String> methods) {
    /** What a case measures. */
    enum Kind {
        /** {@code RoundTripBenchmark} against {@code stui_lat} (zero-copy echo, and with buffer copies). */
        ROUND_TRIP,
        /** {@code ThroughputBenchmark} against {@code stui_thr}. */
        THROUGHPUT,
        /** {@code InProcessBenchmark} and {@code DowncallBenchmark} against {@code stui_inproc}. */
        IN_PROCESS
    }

    MicroCase {
        methods = List.copyOf(methods);
    }

    /** The JMH parameters that pin this case (the rest, e.g. {@code backend}, stay free). */
    Map<String, String> jmhParams() {
        Map<String, String> p = new LinkedHashMap<>();
        if (kind == Kind.ROUND_TRIP) {
            p.put("pattern", pattern);
        }
        if (kind != Kind.IN_PROCESS) {
            p.put("transport", transport);
            p.put("size", Integer.toString(size));
        }
        return p;
    }

    /** A JMH include regex that matches exactly this case's methods. */
    String jmhInclude() {
        StringBuilder sb = new StringBuilder("^(");
        for (int i = 0; i < methods.size(); i++) {
            sb.append(i == 0 ? "" : "|").append(Pattern.quote(methods.get(i)));
        }
        return sb.append(")$").toString();
    }

    /** How the case is named in progress lines, e.g. {@code REQ_REP tcp 64 KiB}. */
    String label() {
        return switch (kind) {
            case ROUND_TRIP -> pattern + " " + transport + " " + MicroSummary.size(size);
            case THROUGHPUT -> "PUSH_PULL " + transport + " " + MicroSummary.size(size);
            case IN_PROCESS -> "in-process calls";
        };
    }

    /** A file-name-safe name, e.g. {@code roundtrip-req_rep-tcp-65536}. */
    String stem() {
        return switch (kind) {
            case ROUND_TRIP -> "roundtrip-" + pattern.toLowerCase(Locale.ROOT) + "-" + transport + "-" + size;
            case THROUGHPUT -> "throughput-" + transport + "-" + size;
            case IN_PROCESS -> "inprocess";
        };
    }
}
