package io.stui.nativegen;

import java.util.List;

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
     * This model with only the named functions, as jextract's {@code --include-function}; an empty set
     * keeps every function. Structs and typedefs stay (the kept functions may use them).
     *
     * @throws IllegalArgumentException naming any function the header does not declare
     */
    public HeaderModel onlyFunctions(java.util.Set<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        functions.forEach(f -> declared.add(f.name()));
        java.util.List<String> unknown =
                names.stream().filter(n -> !declared.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "--include-function names functions the header does not declare: " + String.join(", ", unknown));
        }
        return keepFunctions(names);
    }

    /** This model with exactly the functions named (none if the set is empty); structs and typedefs stay. */
    public HeaderModel keepFunctions(java.util.Set<String> names) {
        return new HeaderModel(
                functions.stream().filter(f -> names.contains(f.name())).toList(),
                structs,
                functionTypedefs,
                primitiveTypedefs);
    }

    /** The names of the functions declared. */
    public java.util.Set<String> functionNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        functions.forEach(f -> names.add(f.name()));
        return names;
    }

    /** Finds a struct by its C tag, or throws naming it. */
    public Struct struct(String name) {
        return structs.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("struct " + name + " is not defined in the header"));
    }
}
