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

    /** A one-argument primitive a send can call without building an argument array ({@code at:}). */
    interface One extends Primitive {
        Object call1(Interpreter in, Object receiver, Object arg, Context sender);

        @Override
        default Object call(Interpreter in, Object receiver, Object[] args, Context sender) {
            return call1(in, receiver, args[0], sender);
        }
    }

    /** A two-argument primitive a send can call without building an argument array ({@code at:put:}). */
    interface Two extends Primitive {
        Object call2(Interpreter in, Object receiver, Object arg1, Object arg2, Context sender);

        @Override
        default Object call(Interpreter in, Object receiver, Object[] args, Context sender) {
            return call2(in, receiver, args[0], args[1], sender);
        }
    }
}
