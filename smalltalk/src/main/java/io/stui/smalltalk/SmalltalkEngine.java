package io.stui.smalltalk;

import io.stui.smalltalk.image.KernelLoader;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.ClassTable;

/**
 * The embedded Smalltalk: boots the shared, immutable kernel once per JVM and creates workspaces.
 * Thread-safe; workspaces never change the kernel, and a layer ({@link #newLayer}) never changes its base.
 */
public final class SmalltalkEngine {
    private static volatile SmalltalkEngine instance;
    private final ClassTable kernel;

    private SmalltalkEngine(ClassTable kernel) {
        this.kernel = kernel;
    }

    /** Boots (first call) or answers the engine. */
    public static SmalltalkEngine boot() {
        SmalltalkEngine e = instance;
        if (e != null) return e;
        synchronized (SmalltalkEngine.class) {
            if (instance == null) instance = new SmalltalkEngine(KernelLoader.boot());
            return instance;
        }
    }

    public Workspace newWorkspace() {
        return new Workspace(new WorkspaceState(kernel));
    }

    /**
     * A new workspace layered over {@code base} (the server's image): it sees the base's classes, globals and
     * methods as the base last {@linkplain Workspace#publish() published} them, plus its own; what it defines stays
     * in it. {@code base} must not be a layer itself.
     */
    public Workspace newLayer(Workspace base) {
        return new Workspace(new WorkspaceState(kernel, base.environment()));
    }

    /** Rebuilds a layer over {@code base} from its snapshot (its own definitions; the base's are the base's now). */
    public Workspace restoreLayer(Workspace base, byte[] snapshot) {
        return restored(newLayer(base), snapshot);
    }

    /** Rebuilds a workspace from {@link Workspace#snapshot()} bytes. */
    public Workspace restoreWorkspace(byte[] snapshot) {
        return restored(new Workspace(new WorkspaceState(kernel)), snapshot);
    }

    /** {@code ws} with the snapshot restored into it, or closed when the snapshot cannot be read. */
    private static Workspace restored(Workspace ws, byte[] snapshot) {
        try {
            ws.restore(snapshot);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    public String version() {
        return ClassTable.VERSION;
    }

    /** Number of classes in the shared kernel. */
    public int kernelClassCount() {
        return kernel.kernelClasses.size();
    }
}
