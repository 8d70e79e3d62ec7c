package io.stui.smalltalk;

import io.stui.smalltalk.image.KernelLoader;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.ClassTable;

/**
 * The embedded Smalltalk: boots the shared, immutable kernel once per JVM and creates workspaces.
 * Thread-safe; workspaces are independent and never change the kernel.
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

    /** Rebuilds a workspace from {@link Workspace#snapshot()} bytes. */
    public Workspace restoreWorkspace(byte[] snapshot) {
        Workspace ws = new Workspace(new WorkspaceState(kernel));
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
