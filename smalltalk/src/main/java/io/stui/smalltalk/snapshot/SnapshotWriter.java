package io.stui.smalltalk.snapshot;

import io.stui.smalltalk.image.Session;
import io.stui.smalltalk.image.SnapshotCodec;

/** Writes a workspace snapshot (format described in {@link SnapshotCodec}). */
public final class SnapshotWriter {
    private SnapshotWriter() {}

    public static byte[] write(Session session) {
        return SnapshotCodec.write(session);
    }
}
