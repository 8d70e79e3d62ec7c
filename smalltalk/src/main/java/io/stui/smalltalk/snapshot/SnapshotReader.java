package io.stui.smalltalk.snapshot;

import io.stui.smalltalk.runtime.Session;

/** Restores a workspace snapshot into a fresh session. */
public final class SnapshotReader {
    private SnapshotReader() {}

    public static void restore(Session session, byte[] bytes) {
        SnapshotFormat.read(session, bytes);
    }
}
