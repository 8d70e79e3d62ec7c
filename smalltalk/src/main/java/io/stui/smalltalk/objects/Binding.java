package io.stui.smalltalk.objects;

/** A named variable cell: a global, a class variable or a workspace variable. */
public final class Binding {
    public final String name;
    public Object value;

    public Binding(String name, Object value) {
        this.name = name;
        this.value = value;
    }
}
