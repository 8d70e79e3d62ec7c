package io.stui.nativegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON printed by {@code clang -Xclang -ast-dump=json -fsyntax-only header.h} and keeps
 * the declarations whose location lies in the main header itself.
 *
 * <p>Clang writes a location's {@code "file"} only when it differs from the previously printed
 * location, in document order, so the reader replays that order over every node (skipping the
 * auxiliary {@code "includedFrom"} objects) to know which file each top-level declaration is in.
 */
public final class ClangAstReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mainFile;

    /**
     * @param mainFile the header path exactly as it was passed to clang (clang prints it verbatim)
     */
    public ClangAstReader(String mainFile) {
        this.mainFile = mainFile;
    }

    /** Reads an AST dump from a stream. */
    public HeaderModel read(InputStream json) throws IOException {
        return read(JSON.readTree(json));
    }

    /** Reads an AST dump held in a string. */
    public HeaderModel read(String json) throws IOException {
        return read(JSON.readTree(json));
    }

    private HeaderModel read(JsonNode root) {
        JsonNode decls = root.path("inner");
        Map<String, String> typedefSpellings = new HashMap<>();
        List<JsonNode> own = new ArrayList<>();
        FileTracker tracker = new FileTracker();
        for (JsonNode decl : decls) {
            String file = tracker.walkDeclaration(decl);
            if ("TypedefDecl".equals(decl.path("kind").asText())) {
                typedefSpellings.putIfAbsent(decl.path("name").asText(), spelling(decl.path("type")));
            }
            if (mainFile.equals(file)) {
                own.add(decl);
            }
        }
        CTypeParser types = new CTypeParser(typedefSpellings);
        return collect(own, types);
    }

    private static HeaderModel collect(List<JsonNode> own, CTypeParser types) {
        List<HeaderModel.Function> functions = new ArrayList<>();
        Map<String, HeaderModel.Struct> structsById = new LinkedHashMap<>();
        List<HeaderModel.FunctionTypedef> functionTypedefs = new ArrayList<>();
        List<HeaderModel.PrimitiveTypedef> primitiveTypedefs = new ArrayList<>();
        Set<String> seenFunctions = new HashSet<>();
        for (JsonNode decl : own) {
            switch (decl.path("kind").asText()) {
                case "FunctionDecl" -> {
                    if (seenFunctions.add(decl.path("name").asText())) {
                        functions.add(function(decl, types));
                    }
                }
                case "RecordDecl" -> {
                    if (decl.path("completeDefinition").asBoolean(false)
                            && "struct".equals(decl.path("tagUsed").asText())) {
                        structsById.put(
                                decl.path("id").asText(),
                                struct(decl, decl.path("name").asText(), types));
                    }
                }
                case "TypedefDecl" -> typedef(decl, types, structsById, functionTypedefs, primitiveTypedefs);
                default -> {
                    /* variables, enums and the rest: zmq.h declares none */
                }
            }
        }
        return new HeaderModel(functions, new ArrayList<>(structsById.values()), functionTypedefs, primitiveTypedefs);
    }

    private static HeaderModel.Function function(JsonNode decl, CTypeParser types) {
        String name = decl.path("name").asText();
        if (decl.path("variadic").asBoolean(false)) {
            throw new IllegalArgumentException("variadic function " + name + " is not supported by the generator");
        }
        String fnType = decl.path("type").path("qualType").asText();
        String returnSpelling =
                fnType.substring(0, CTypeParser.topLevelParamsStart(fnType)).trim();
        List<HeaderModel.Param> params = new ArrayList<>();
        for (JsonNode child : decl.path("inner")) {
            if ("ParmVarDecl".equals(child.path("kind").asText())) {
                String spelling = child.path("type").path("qualType").asText();
                params.add(new HeaderModel.Param(
                        child.path("name").asText(""), types.parse(spelling(child.path("type"))), spelling));
            }
        }
        return new HeaderModel.Function(name, types.parse(returnSpelling), returnSpelling, params);
    }

    private static HeaderModel.Struct struct(JsonNode decl, String name, CTypeParser types) {
        List<HeaderModel.Field> fields = new ArrayList<>();
        for (JsonNode child : decl.path("inner")) {
            if ("FieldDecl".equals(child.path("kind").asText())) {
                if (child.has("isBitfield")) {
                    throw new IllegalArgumentException("bit-field " + name + "."
                            + child.path("name").asText() + " is not supported by the generator");
                }
                fields.add(new HeaderModel.Field(
                        child.path("name").asText(),
                        types.parse(spelling(child.path("type"))),
                        child.path("type").path("qualType").asText(),
                        alignAttribute(child)));
            }
        }
        return new HeaderModel.Struct(name, fields);
    }

    /** Value of {@code __attribute__((aligned(n)))} on a field, as clang evaluated it, or 0. */
    private static long alignAttribute(JsonNode field) {
        for (JsonNode attr : field.path("inner")) {
            if ("AlignedAttr".equals(attr.path("kind").asText())) {
                for (JsonNode expr : attr.path("inner")) {
                    if (expr.has("value")) {
                        return Long.parseLong(expr.path("value").asText());
                    }
                }
                // A bare __attribute__((aligned)) means the target's largest alignment (16 on x86-64).
                return 16;
            }
        }
        return 0;
    }

    private static void typedef(
            JsonNode decl,
            CTypeParser types,
            Map<String, HeaderModel.Struct> structsById,
            List<HeaderModel.FunctionTypedef> functionTypedefs,
            List<HeaderModel.PrimitiveTypedef> primitiveTypedefs) {
        String name = decl.path("name").asText();
        JsonNode proto = functionProto(decl);
        if (proto != null) {
            List<HeaderModel.Param> params = new ArrayList<>();
            JsonNode parts = proto.path("inner");
            String returnSpelling = parts.get(0).path("type").path("qualType").asText();
            for (int i = 1; i < parts.size(); i++) {
                String spelling = parts.get(i).path("type").path("qualType").asText();
                params.add(new HeaderModel.Param("", types.parse(spelling), spelling));
            }
            functionTypedefs.add(
                    new HeaderModel.FunctionTypedef(name, types.parse(returnSpelling), returnSpelling, params));
            return;
        }
        String owned = ownedRecordId(decl);
        if (owned != null) {
            HeaderModel.Struct struct = structsById.get(owned);
            if (struct != null && struct.name().isEmpty()) {
                // typedef struct { ... } name;  the class takes the typedef's name, as in jextract.
                structsById.put(owned, new HeaderModel.Struct(name, struct.fields()));
            }
            return;
        }
        String spelling = decl.path("type").path("qualType").asText();
        if (types.parse(spelling(decl.path("type"))) instanceof CType.Primitive primitive) {
            primitiveTypedefs.add(new HeaderModel.PrimitiveTypedef(name, primitive, spelling));
        }
    }

    /** The FunctionProtoType a typedef names, looking through parentheses but not through pointers. */
    private static JsonNode functionProto(JsonNode typedef) {
        JsonNode node = typedef.path("inner").path(0);
        while (!node.isMissingNode()) {
            switch (node.path("kind").asText()) {
                case "FunctionProtoType", "FunctionNoProtoType" -> {
                    return node;
                }
                case "ParenType" -> node = node.path("inner").path(0);
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static String ownedRecordId(JsonNode typedef) {
        JsonNode owned = typedef.path("inner").path(0).path("ownedTagDecl");
        return owned.isMissingNode() ? null : owned.path("id").asText();
    }

    /** The most concrete spelling clang gives for a type object: desugared if it printed one. */
    private static String spelling(JsonNode type) {
        JsonNode desugared = type.get("desugaredQualType");
        return desugared != null ? desugared.asText() : type.path("qualType").asText();
    }

    /** Replays clang's "print the file only when it changes" rule over the JSON in document order. */
    private static final class FileTracker {
        private String current;

        /** Walks one top-level declaration and returns the file of its own {@code "loc"}. */
        String walkDeclaration(JsonNode decl) {
            String locFile = null;
            var fields = decl.properties().iterator();
            boolean sawLoc = false;
            while (fields.hasNext()) {
                var entry = fields.next();
                walk(entry.getKey(), entry.getValue());
                if ("loc".equals(entry.getKey())) {
                    locFile = current;
                    sawLoc = true;
                }
            }
            return sawLoc ? locFile : null;
        }

        private void walk(String key, JsonNode node) {
            if ("includedFrom".equals(key)) {
                return;
            }
            if ("file".equals(key) && node.isTextual()) {
                current = node.asText();
                return;
            }
            if (node.isObject()) {
                var fields = node.properties().iterator();
                while (fields.hasNext()) {
                    var entry = fields.next();
                    walk(entry.getKey(), entry.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    walk("", element);
                }
            }
        }
    }
}
