package io.stui.zmq;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of ZeroMQ's property language (ZPL, rfc.zeromq.org spec 4) that certificate files use:
 * top-level sections, and {@code name = value} lines indented by four spaces per level under them;
 * {@code #} comments and blank lines; values bare or in double quotes. Deeper levels are read as
 * {@code section/child/name}.
 */
final class Zpl {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private Zpl() {}

    static Zpl parse(String text, String source) throws IOException {
        Zpl zpl = new Zpl();
        String[] path = new String[16];
        int lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            String line = raw.stripTrailing();
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String body = line.substring(indent);
            if (body.isEmpty() || body.startsWith("#")) {
                continue;
            }
            if (indent % 4 != 0 || indent / 4 >= path.length) {
                throw new IOException(source + " line " + lineNo + ": indent by multiples of 4 spaces");
            }
            int level = indent / 4;
            if (level > 0 && path[level - 1] == null) {
                throw new IOException(source + " line " + lineNo + ": indented under nothing");
            }
            int eq = body.indexOf('=');
            String name = (eq < 0 ? body : body.substring(0, eq)).strip();
            checkName(name, source, lineNo);
            path[level] = name;
            for (int i = level + 1; i < path.length; i++) {
                path[i] = null;
            }
            if (eq >= 0) {
                StringBuilder section = new StringBuilder();
                for (int i = 0; i < level; i++) {
                    section.append(i == 0 ? "" : "/").append(path[i]);
                }
                zpl.sections
                        .computeIfAbsent(section.toString(), k -> new LinkedHashMap<>())
                        .put(name, value(body.substring(eq + 1).strip(), source, lineNo));
            }
        }
        return zpl;
    }

    private static String value(String v, String source, int lineNo) throws IOException {
        if (v.startsWith("\"") || v.startsWith("'")) {
            char q = v.charAt(0);
            int end = v.indexOf(q, 1);
            if (end < 0) {
                throw new IOException(source + " line " + lineNo + ": unterminated quoted value");
            }
            return v.substring(1, end);
        }
        int hash = v.indexOf('#');
        return (hash < 0 ? v : v.substring(0, hash)).strip();
    }

    String get(String section, String name) {
        Map<String, String> s = sections.get(section);
        return s == null ? null : s.get(name);
    }

    Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    static void checkName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException(
                    "a ZPL name is 1 to 255 of letters, digits and - _ . / +, got '" + name + "'");
        }
    }

    private static void checkName(String name, String source, int lineNo) throws IOException {
        if (!validName(name)) {
            throw new IOException(source + " line " + lineNo + ": not a ZPL name");
        }
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-_./+$@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A value in double quotes (a value holding a double quote is quoted with single quotes). */
    static String quote(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a ZPL value is one line");
        }
        return value.indexOf('"') < 0 ? '"' + value + '"' : "'" + value + "'";
    }
}
