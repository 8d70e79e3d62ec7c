package io.stui.smalltalk.snapshot;

import io.stui.smalltalk.runtime.Session;

/** Placeholder format holder; replaced below. */
final class SnapshotFormat {
    private SnapshotFormat() {}
    static byte[] write(Session s) { throw new UnsupportedOperationException("snapshots are not available yet"); }
    static void read(Session s, byte[] b) { throw new UnsupportedOperationException("snapshots are not available yet"); }
}
