package io.stui.smalltalk.interp;

import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StObject;

/** Java-level unwinding used to implement Smalltalk control flow; never carries a Java stack trace. */
public abstract class ControlFlow extends RuntimeException {
    ControlFlow() {
        super(null, null, false, false);
    }

    /** {@code ^} from a block: unwind to the home method context. */
    public static final class NonLocalReturn extends ControlFlow {
        final Context home;
        final Object value;

        public NonLocalReturn(Context home, Object value) {
            this.home = home;
            this.value = value;
        }
    }

    /** A {@code ^} nested inside an inlined expression of the same method: unwind to it. */
    public static final class LocalReturn extends ControlFlow {
        final Context home;
        final Object value;

        LocalReturn(Context home, Object value) {
            this.home = home;
            this.value = value;
        }
    }

    /** Exception handler finished (return:/fall off the end): unwind to its on:do: context. */
    public static final class HandlerReturn extends ControlFlow {
        final Context handlerContext;
        final Object value;

        public HandlerReturn(Context handlerContext, Object value) {
            this.handlerContext = handlerContext;
            this.value = value;
        }
    }

    /** {@code retry}/{@code retryUsing:}: unwind to the on:do: context and run again. */
    public static final class Retry extends ControlFlow {
        final Context handlerContext;
        final StBlock replacement;

        public Retry(Context handlerContext, StBlock replacement) {
            this.handlerContext = handlerContext;
            this.replacement = replacement;
        }
    }

    /** {@code resume:}: unwind to the signal point and answer the value there. */
    public static final class Resume extends ControlFlow {
        final StObject exception;
        final Object value;

        public Resume(StObject exception, Object value) {
            this.exception = exception;
            this.value = value;
        }
    }

    /** {@code resignalAs:}: unwind to where {@code exception} was signaled and signal {@code replacement} there. */
    public static final class Resignal extends ControlFlow {
        final StObject exception;
        final StObject replacement;

        public Resignal(StObject exception, StObject replacement) {
            this.exception = exception;
            this.replacement = replacement;
        }
    }

    /** An unhandled Smalltalk error: ends the evaluation. */
    public static final class UnhandledError extends ControlFlow {
        public final StObject exception;
        public final Context signalContext;

        public UnhandledError(StObject exception, Context signalContext) {
            this.exception = exception;
            this.signalContext = signalContext;
        }
    }

    /** A limit or an interrupt ended the evaluation; Smalltalk code cannot catch it and ensure blocks do not run. */
    public static final class Termination extends ControlFlow {
        public final String errorClass;
        public final String reason;
        public final Context context;

        public Termination(String errorClass, String reason, Context context) {
            this.errorClass = errorClass;
            this.reason = reason;
            this.context = context;
        }

        @Override
        public String getMessage() {
            return errorClass + ": " + reason;
        }
    }

    /** A debugger's Restart: unwind (running ensure blocks) to the frame, which then runs again from its start. */
    public static final class Restart extends ControlFlow {
        public final Context frame;

        public Restart(Context frame) {
            this.frame = frame;
        }
    }
}
