package io.stui.smalltalk.objects;

/** An instance of a user-defined variable (indexable pointer) class: named slots plus indexed elements. */
public final class StIndexed extends StObject {
    public Object[] items;

    public StIndexed(StClass cls, int numSlots, int size) {
        super(cls, numSlots);
        this.items = new Object[size];
    }
}
