package io.stui.smalltalk.runtime;

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
