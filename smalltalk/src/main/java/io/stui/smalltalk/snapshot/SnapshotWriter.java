package io.stui.smalltalk.snapshot;

import io.stui.smalltalk.runtime.Session;

/** Writes a workspace snapshot; the format is documented in {@link SnapshotFormat}. */
public final class SnapshotWriter {
    private SnapshotWriter() {}

    public static byte[] write(Session session) {
        return SnapshotFormat.write(session);
    }
}
