package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/** Renders C declarations back to C text for the {@code {@snippet lang=c}} comments jextract writes. */
final class CSignatures {

    private CSignatures() {}

    /** E.g. {@code int zmq_bind(void *s_, const char *addr_)}. */
    static String function(String returnSpelling, String name, List<HeaderModel.Param> params) {
        List<String> rendered = new ArrayList<>();
        for (HeaderModel.Param p : params) {
            rendered.add(declarator(p.spelling(), p.name()));
        }
        return declarator(returnSpelling, name) + "(" + String.join(", ", rendered) + ")";
    }

    /** E.g. {@code typedef void (zmq_free_fn)(void *, void *)}. */
    static String functionTypedef(HeaderModel.FunctionTypedef typedef) {
        List<String> rendered = new ArrayList<>();
        for (HeaderModel.Param p : typedef.params()) {
            rendered.add(p.spelling());
        }
        return "typedef " + typedef.returnSpelling() + " (" + typedef.name() + ")(" + String.join(", ", rendered) + ")";
    }

    /** E.g. {@code struct zmq_pollitem_t { void *socket; ... }} on several lines. */
    static String struct(HeaderModel.Struct struct) {
        StringBuilder sb = new StringBuilder("struct ").append(struct.name()).append(" {\n");
        for (HeaderModel.Field f : struct.fields()) {
            sb.append("    ").append(fieldDeclarator(f.spelling(), f.name()));
            if (f.alignAttribute() > 0) {
                sb.append(" __attribute__((aligned(").append(f.alignAttribute()).append(")))");
            }
            sb.append(";\n");
        }
        return sb.append("}").toString();
    }

    /** A field declaration, moving an array suffix after the name: {@code unsigned char _[64]}. */
    static String fieldDeclarator(String spelling, String name) {
        int bracket = spelling.indexOf('[');
        if (bracket >= 0) {
            return declarator(spelling.substring(0, bracket).trim(), name) + spelling.substring(bracket);
        }
        return declarator(spelling, name);
    }

    private static String declarator(String spelling, String name) {
        if (name.isEmpty()) {
            return spelling;
        }
        return spelling.endsWith("*") ? spelling + name : spelling + " " + name;
    }
}
