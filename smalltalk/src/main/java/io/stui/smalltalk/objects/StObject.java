package io.stui.smalltalk.objects;

/** An ordinary Smalltalk object: its class and its named instance variables (slots). */
public class StObject {
    public StClass cls;
    public Object[] slots;

    public StObject(StClass cls, int numSlots) {
        this.cls = cls;
        this.slots = numSlots == 0 ? EMPTY : new Object[numSlots];
    }

    public static final Object[] EMPTY = new Object[0];

    /** Reads slot i, tolerating instances created before their class gained variables. */
    public final Object slot(int i) {
        return i < slots.length ? slots[i] : null;
    }

    public final void setSlot(int i, Object v) {
        if (i >= slots.length)
            slots = java.util.Arrays.copyOf(slots, Math.max(i + 1, cls == null ? i + 1 : cls.instSize()));
        slots[i] = v;
    }
}
