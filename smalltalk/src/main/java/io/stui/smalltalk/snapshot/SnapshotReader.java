package io.stui.smalltalk.snapshot;

import io.stui.smalltalk.image.Session;
import io.stui.smalltalk.image.SnapshotCodec;

/** Restores a workspace snapshot into a fresh session; throws {@link IllegalArgumentException} on bad data. */
public final class SnapshotReader {
    private SnapshotReader() {}

    public static void restore(Session session, byte[] bytes) {
        SnapshotCodec.read(session, bytes);
    }
}
