package io.stui.nativegen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The declarations of one C header that the generator turns into Java, in header order.
 *
 * @param functions          function prototypes
 * @param structs            complete struct definitions (forward declarations are left out, as jextract does)
 * @param functionTypedefs   typedefs of function types, e.g. {@code zmq_free_fn}
 * @param primitiveTypedefs  typedefs of builtin types, e.g. {@code zmq_fd_t}
 */
public record HeaderModel(
        List<Function> functions,
        List<Struct> structs,
        List<FunctionTypedef> functionTypedefs,
        List<PrimitiveTypedef> primitiveTypedefs) {

    /** A function parameter; {@code name} is empty when C leaves it unnamed. */
    public record Param(String name, CType type, String spelling) {}

    /** A function prototype. */
    public record Function(String name, CType returnType, String returnSpelling, List<Param> params) {}

    /** A struct field; {@code alignAttribute} is the byte value of {@code __attribute__((aligned(n)))} or 0. */
    public record Field(String name, CType type, String spelling, long alignAttribute) {}

    /** A complete struct definition. */
    public record Struct(String name, List<Field> fields) {}

    /** A typedef of a function type, used through pointers for callbacks. */
    public record FunctionTypedef(String name, CType returnType, String returnSpelling, List<Param> params) {}

    /** A typedef of a builtin type. */
    public record PrimitiveTypedef(String name, CType.Primitive type, String spelling) {}

    /**
     * The names this header declares of one kind: functions, structs, or typedefs (of function and of
     * builtin types; a {@code typedef struct} is a struct). Constants are macros: see {@link MacroTable}.
     */
    public Set<String> names(IncludeKind kind) {
        Set<String> names = new LinkedHashSet<>();
        switch (kind) {
            case FUNCTION -> functions.forEach(f -> names.add(f.name()));
            case STRUCT -> structs.forEach(s -> names.add(s.name()));
            case TYPEDEF -> {
                functionTypedefs.forEach(t -> names.add(t.name()));
                primitiveTypedefs.forEach(t -> names.add(t.name()));
            }
            case CONSTANT -> throw new IllegalArgumentException("constants are macros, not declarations");
        }
        return names;
    }

    /**
     * This model with exactly the named functions or typedefs (none if the set is empty), the other
     * kinds untouched. Structs are filtered when files are written instead: a kept struct's layout may
     * need one that is not generated.
     */
    public HeaderModel keep(IncludeKind kind, Set<String> names) {
        return switch (kind) {
            case FUNCTION ->
                new HeaderModel(
                        functions.stream().filter(f -> names.contains(f.name())).toList(),
                        structs,
                        functionTypedefs,
                        primitiveTypedefs);
            case TYPEDEF ->
                new HeaderModel(
                        functions,
                        structs,
                        functionTypedefs.stream()
                                .filter(t -> names.contains(t.name()))
                                .toList(),
                        primitiveTypedefs.stream()
                                .filter(t -> names.contains(t.name()))
                                .toList());
            case STRUCT, CONSTANT -> throw new IllegalArgumentException(kind + "s are filtered when files are written");
        };
    }

    /** Finds a struct by its C tag, or throws naming it. */
    public Struct struct(String name) {
        return structs.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("struct " + name + " is not defined in the header"));
    }
}
