package io.stui.nativegen;

import java.util.List;
import java.util.Set;

/**
 * What to generate and how the generated code finds its library.
 *
 * @param packageName        target Java package
 * @param headerClassName    name of the header class (jextract: {@code --header-class-name})
 * @param headerFileName     the C header's file name, for the generated-file banner
 * @param versionMacroPrefix prefix of the {@code _MAJOR/_MINOR/_PATCH} macros giving the header's version
 * @param libraryNames       library names tried in order with {@code SymbolLookup.libraryLookup(String, Arena)};
 *                           the token {@code MAP:x} means {@code System.mapLibraryName("x")}
 * @param libraryProperty    system property holding an absolute library path that takes precedence
 * @param libraryDescription how error messages name the library, e.g. {@code libzmq}
 * @param missingLibraryHint what a user should do when it cannot be loaded, quoted in the error
 * @param constantPrefixes   macros whose names start with one of these become constants
 * @param extraConstants     further macro names that become constants (errno values the API relies on)
 * @param regenerateCommand  the command a reader runs to regenerate, quoted in every file's banner
 */
public record GeneratorConfig(
        String packageName,
        String headerClassName,
        String headerFileName,
        String versionMacroPrefix,
        List<String> libraryNames,
        String libraryProperty,
        String libraryDescription,
        String missingLibraryHint,
        List<String> constantPrefixes,
        Set<String> extraConstants,
        String regenerateCommand) {

    /**
     * The errno names zmq.h defines itself (when the system lacks them) or returns through
     * {@code zmq_errno()} from {@code errno.h}; their values come from the macro dump, so a platform's own
     * {@code ENOTSUP} wins over zmq.h's {@code ZMQ_HAUSNUMERO + 1} exactly as in C.
     */
    public static final Set<String> ZMQ_ERRNO_NAMES = Set.of(
            "ETERM",
            "EFSM",
            "EMTHREAD",
            "ENOCOMPATPROTO",
            "ENOTSUP",
            "EPROTONOSUPPORT",
            "ENOBUFS",
            "ENETDOWN",
            "EADDRINUSE",
            "EADDRNOTAVAIL",
            "ECONNREFUSED",
            "EINPROGRESS",
            "ENOTSOCK",
            "EMSGSIZE",
            "EAFNOSUPPORT",
            "ENETUNREACH",
            "ECONNABORTED",
            "ECONNRESET",
            "ENOTCONN",
            "ETIMEDOUT",
            "EHOSTUNREACH",
            "ENETRESET",
            "EAGAIN",
            "EINTR",
            "EINVAL",
            "EFAULT",
            "ENOMEM",
            "ENODEV",
            "EMFILE",
            "ENOENT");

    /** The project's configuration for libzmq. */
    public static GeneratorConfig zmq() {
        return new GeneratorConfig(
                "io.stui.zmq.bindings",
                "zmq_h",
                "zmq.h",
                "ZMQ_VERSION",
                List.of("libzmq.so.5", "MAP:zmq"),
                "stui.zmq.library",
                "libzmq",
                "install libzmq 4.3 (native/install-libzmq.sh)",
                List.of("ZMQ_"),
                ZMQ_ERRNO_NAMES,
                "native/regen-bindings.sh");
    }

    /** True if the macro {@code name} should become a constant getter. */
    public boolean isConstant(String name) {
        return extraConstants.contains(name) || constantPrefixes.stream().anyMatch(name::startsWith);
    }
}
