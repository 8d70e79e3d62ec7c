package io.stui.smalltalk.objects;

import io.stui.smalltalk.interp.Interp;

/** A Java primitive behind a Smalltalk method; answers {@link #FAIL} to run the method's Smalltalk fallback code. */
@FunctionalInterface
public interface Primitive {
    Object FAIL = new Object() {
        @Override
        public String toString() {
            return "<primitive failed>";
        }
    };

    Object call(Interp in, Object receiver, Object[] args, Context sender);
}
