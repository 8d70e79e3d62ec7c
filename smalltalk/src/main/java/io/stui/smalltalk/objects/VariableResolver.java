package io.stui.smalltalk.objects;

/** Resolves a doit's variables to workspace bindings, declaring them on first use. */
public interface VariableResolver {
    /** The workspace variable of that name, or null. */
    Binding existing(String name);

    /** Declares a new workspace variable. */
    Binding declare(String name);

    /** True when the name is a class visible in the workspace (assignment is refused). */
    boolean isClass(String name);

    /** True when the name is a global (class or Smalltalk at:put: value) visible in the workspace. */
    boolean isGlobal(String name);
}
