package io.stui.nativegen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a header's declarations and macros into Java source files, keyed by simple file name
 * ({@code zmq_h.java}, {@code zmq_msg_t.java}...). Pure: no I/O, same input gives byte-identical output.
 */
public final class BindingGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(BindingGenerator.class);

    private final GeneratorConfig config;
    private final GenerationOptions options;

    /** @param config what to generate */
    public BindingGenerator(GeneratorConfig config) {
        this(config, GenerationOptions.ALL);
    }

    /**
     * @param config  what to generate
     * @param options the run's defines (named in every banner) and its constant filter; the function
     *                filter is applied to the model before ({@link Main#run})
     */
    public BindingGenerator(GeneratorConfig config, GenerationOptions options) {
        this.config = config;
        this.options = options;
    }

    /** Generates all files; the map is sorted by file name. */
    public Map<String, String> generate(HeaderModel model, MacroTable macros) {
        MacroEvaluator evaluator = new MacroEvaluator(macros);
        String version = version(evaluator) + options.definesLabel();
        List<HeaderClassWriter.Constant> constants = constants(macros, evaluator, version);
        Map<String, String> files = new TreeMap<>();
        files.put(config.headerClassName() + ".java", new HeaderClassWriter(config, version).write(model, constants));
        StructLayouter layouter = new StructLayouter(model);
        StructClassWriter structs = new StructClassWriter(config, version, layouter);
        Set<String> structsWanted = options.included(IncludeKind.STRUCT).isEmpty()
                ? model.names(IncludeKind.STRUCT)
                : options.declaredOnly(
                        IncludeKind.STRUCT, model.names(IncludeKind.STRUCT), config.headerFileName() + " " + version);
        for (HeaderModel.Struct struct : model.structs()) {
            if (!structsWanted.contains(struct.name())) {
                continue;
            }
            files.put(JavaNames.safe(struct.name()) + ".java", structs.write(struct));
        }
        FunctionTypeClassWriter functionTypes = new FunctionTypeClassWriter(config, version);
        for (HeaderModel.FunctionTypedef typedef : model.functionTypedefs()) {
            files.put(JavaNames.safe(typedef.name()) + ".java", functionTypes.write(typedef));
        }
        LOG.info(
                "generated {} functions, {} constants, {} structs, {} function types from {} {}",
                model.functions().size(),
                constants.size(),
                structsWanted.size(),
                model.functionTypedefs().size(),
                config.headerFileName(),
                version);
        return files;
    }

    /** {@code MAJOR.MINOR.PATCH} from the version macros, or "(unknown version)" if the header has none. */
    String version(MacroEvaluator evaluator) {
        Optional<IntegerConstant> major = evaluator.evaluate(config.versionMacroPrefix() + "_MAJOR");
        Optional<IntegerConstant> minor = evaluator.evaluate(config.versionMacroPrefix() + "_MINOR");
        Optional<IntegerConstant> patch = evaluator.evaluate(config.versionMacroPrefix() + "_PATCH");
        if (major.isEmpty() || minor.isEmpty() || patch.isEmpty()) {
            return "(unknown version)";
        }
        return major.get().value() + "." + minor.get().value() + "."
                + patch.get().value();
    }

    private List<HeaderClassWriter.Constant> constants(MacroTable macros, MacroEvaluator evaluator, String version) {
        Set<String> included = options.included(IncludeKind.CONSTANT);
        if (!included.isEmpty()) {
            Set<String> evaluable = new HashSet<>();
            for (String name : included) {
                if (macros.get(name) != null && evaluator.evaluate(name).isPresent()) {
                    evaluable.add(name);
                }
            }
            included = options.declaredOnly(IncludeKind.CONSTANT, evaluable, config.headerFileName() + " " + version);
        }
        List<HeaderClassWriter.Constant> constants = new ArrayList<>();
        for (MacroTable.Macro macro : macros.all()) {
            if (options.included(IncludeKind.CONSTANT).isEmpty()
                    ? !config.isConstant(macro.name())
                    : !included.contains(macro.name())) {
                continue;
            }
            Optional<IntegerConstant> value = evaluator.evaluate(macro.name());
            if (value.isPresent()) {
                constants.add(new HeaderClassWriter.Constant(macro.name(), value.get(), macro.source()));
            } else {
                LOG.debug("skipping macro {}: not an integer constant", macro.name());
            }
        }
        // -dM prints macros in hash order; sort so the output does not depend on the clang build.
        constants.sort(Comparator.comparing(HeaderClassWriter.Constant::name));
        return constants;
    }
}
