package io.stui.smalltalk.objects;

/**
 * What a running {@link Context} offers the code it runs (primitives, executable nodes): sends, block calls,
 * allocation accounting, signalling. Declared here so that contexts and primitives can name it while the object
 * model depends on nothing above it; {@code interp.Interp} is the only implementation, so the JIT binds these
 * calls directly (class hierarchy analysis) and they cost what a call to a final method costs.
 */
public abstract class Interpreter {
    /** The name space this evaluation runs in. */
    public final Environment env;
    /** The kernel's classes, for {@link ClassTable#classOf} on every send. */
    public final ClassTable classes;
    /** What {@code Transcript} wrote during this evaluation. */
    public final StringBuilder transcript = new StringBuilder();

    /** The debugger of a debug-mode evaluation; null otherwise, and then the send path pays one null check. */
    public final DebugHook debug;
    /** Told each piece of Transcript output as it is written (the host streams it); null when nobody listens. */
    public java.util.function.Consumer<String> transcriptListener;

    protected Interpreter(Environment env) {
        this(env, null);
    }

    protected Interpreter(Environment env, DebugHook debug) {
        this.env = env;
        this.classes = env.classes;
        this.debug = debug;
    }

    /** Counts one interpreter step (a send, a block activation, a loop iteration) and checks the limits now and then. */
    public abstract void step(Context c);

    /** Accounts for an allocation of roughly {@code bytes}; ends the evaluation when over the limit. */
    public abstract void allocate(long bytes, Context c);

    public abstract Object send(Object rcvr, StSymbol sel, Object[] args, Context sender);

    public abstract Object superSend(StClass start, Object rcvr, StSymbol sel, Object[] args, Context sender);

    /** Sends {@code doesNotUnderstand:} for a message the receiver's class has no method for. */
    public abstract Object dnu(Object rcvr, StSymbol sel, Object[] args, Context sender);

    /** Runs a method found by lookup (its primitive first, if any). */
    public abstract Object invoke(CompiledMethod m, Object rcvr, Object[] args, Context sender);

    /** Runs a method's Smalltalk code in a new activation: its primitive, if any, has failed already. */
    public abstract Object activate(CompiledMethod m, Object rcvr, Object[] args, Context sender);

    public abstract Object callBlock(StBlock b, Object[] args, Context sender);

    public abstract Object value(StBlock b, Context sender);

    /**
     * A context standing for a primitive method that calls blocks ({@code do:}, {@code ensure:}...), so stack
     * traces show it as Pharo's would.
     */
    public abstract Context primContext(Object rcvr, StSymbol selector, Object[] args, Context sender);

    /** Instantiates the named kernel exception class with a message text and signals it; answers the resumption value. */
    public abstract Object signalError(String className, String messageText, Context sender);

    public abstract Object signal(StObject ex, Context sender);

    /** Signals {@code ex} again, looking for handlers from {@code start} outwards ({@code pass}, {@code outer}). */
    public abstract Object signalFrom(StObject ex, Context.HandlerInfo start, Context sender);

    /** {@code BlockClosure>>on:do:}: runs {@code body} with a handler for {@code selector} installed. */
    public abstract Object onDo(StBlock body, Object selector, StBlock handlerBlock, Context sender);

    /** Signals {@code ModificationForbidden}: workspaces share the kernel and may only read it. */
    public final Object refuseKernelMutation(Context c, Object what) {
        if (what instanceof StClass sc && !sc.isKernel())
            return signalError(
                    "ModificationForbidden",
                    sc.printName() + " belongs to the image, which a session only reads: change it without a session",
                    c);
        return signalError(
                "ModificationForbidden",
                "The system kernel is shared and read-only here: cannot modify "
                        + (what instanceof StClass sc ? sc.printName() : String.valueOf(what)) + " from a workspace",
                c);
    }
}
