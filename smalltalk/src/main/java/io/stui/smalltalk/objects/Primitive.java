package io.stui.smalltalk.objects;

/** A Java primitive behind a Smalltalk method; answers {@link #FAIL} to run the method's Smalltalk fallback code. */
@FunctionalInterface
public interface Primitive {
    Object FAIL = new Object() {
        @Override
        public String toString() {
            return "<primitive failed>";
        }
    };

    Object call(Interpreter in, Object receiver, Object[] args, Context sender);
}
