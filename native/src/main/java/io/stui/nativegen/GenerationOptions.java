package io.stui.nativegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run generates, as jextract's options say it: macros defined for clang ({@code -D}, e.g. the
 * draft API's {@code ZMQ_BUILD_DRAFT_API}), and the {@code --include-function}/{@code -constant}/
 * {@code -struct}/{@code -typedef} filters (a kind with no names: everything of that kind the header
 * declares; the filters are independent, so {@code --include-function} alone keeps every struct).
 *
 * <p>{@code allowAbsent} is for one include list used across header versions: a name the header does
 * not declare (a function 4.2 lacks, a draft constant without the draft macro) is skipped and listed in
 * one warning instead of stopping the run, which is the default because a typo should not pass silently.
 *
 * @param defines     {@code NAME} or {@code NAME=VALUE}, passed to clang as {@code -D}
 * @param includes    per kind, the names to generate; a kind absent or empty generates all of it (for
 *                    constants: the configuration's prefixes and errno names); a constant may be any
 *                    macro name, e.g. {@code EAGAIN}
 * @param allowAbsent skip (with a warning) included names the header does not declare
 */
public record GenerationOptions(List<String> defines, Map<IncludeKind, Set<String>> includes, boolean allowAbsent) {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationOptions.class);

    private static final Pattern DEFINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(=[^\\s]*)?");

    /** Everything the header declares, no macro defined. */
    public static final GenerationOptions ALL = new GenerationOptions(List.of(), Map.of(), false);

    /** Copies the collections and checks each define (a name, optionally {@code =value} without spaces). */
    public GenerationOptions {
        for (String define : defines) {
            if (!DEFINE.matcher(define).matches()) {
                throw new IllegalArgumentException("-D takes NAME or NAME=VALUE (no spaces), not '" + define + "'");
            }
        }
        defines = List.copyOf(defines);
        Map<IncludeKind, Set<String>> copy = new EnumMap<>(IncludeKind.class);
        includes.forEach((kind, names) -> {
            if (!names.isEmpty()) {
                copy.put(kind, Collections.unmodifiableSet(new LinkedHashSet<>(names)));
            }
        });
        includes = Collections.unmodifiableMap(copy);
    }

    /** The names included of one kind; empty when the run generates all of that kind. */
    public Set<String> included(IncludeKind kind) {
        return includes.getOrDefault(kind, Set.of());
    }

    /** This run's options with one more macro defined. */
    public GenerationOptions define(String define) {
        List<String> more = new ArrayList<>(defines);
        more.add(define);
        return new GenerationOptions(more, includes, allowAbsent);
    }

    /** clang's arguments for the defines: {@code -DNAME[=VALUE]} each. */
    List<String> clangArguments() {
        return defines.stream().map(d -> "-D" + d).toList();
    }

    /**
     * The included names of one kind the header declares. A name it does not declare is an error naming
     * it, or with {@code allowAbsent} one warning listing them all; either way nothing is made up for it.
     *
     * @param kind     what the names are, for the messages
     * @param declared what the header declares of that kind
     * @param header   the header and version, for the messages
     */
    Set<String> declaredOnly(IncludeKind kind, Set<String> declared, String header) {
        Set<String> wanted = included(kind);
        List<String> absent =
                wanted.stream().filter(n -> !declared.contains(n)).sorted().toList();
        if (!absent.isEmpty()) {
            String list = String.join(", ", absent);
            if (!allowAbsent) {
                throw new IllegalArgumentException(kind.option() + " names what " + header + " does not declare: "
                        + list + " (--allow-absent skips such names)");
            }
            LOG.warn("{} does not declare the included {}s {}: skipped", header, kind, list);
        }
        Set<String> kept = new LinkedHashSet<>(wanted);
        kept.removeAll(absent);
        return kept;
    }

    /** How the generated files' banner names this run's defines: empty, or " with -DA -DB". */
    String definesLabel() {
        return defines.isEmpty() ? "" : " with " + String.join(" ", clangArguments());
    }
}
