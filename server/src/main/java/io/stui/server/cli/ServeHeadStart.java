package io.stui.server.cli;

import io.stui.smalltalk.SmalltalkEngine;
import io.stui.zmq.Backend;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Starts the slow parts of {@code stui serve}'s start-up that need no settings on threads of their own, as
 * soon as the command is known: the Smalltalk kernel boot (the longest), libzmq's downcall handles and
 * SQLite's native library (extracted once per build, {@link SqliteLibraryCache}). The server then finds each
 * done, or waits for it where it would have done it itself (each is a once-per-JVM initialisation the JVM or
 * its class serialises). A failure here is dropped: the server repeats the step and reports it there.
 */
final class ServeHeadStart {
    private ServeHeadStart() {}

    static void begin() {
        start("stui-kernel-boot", SmalltalkEngine::boot);
        start("stui-zmq-load", Backend::defaultBackend);
        start("stui-sqlite-load", () -> {
            try {
                SqliteLibraryCache.use();
                SQLiteJDBCLoader.initialize();
            } catch (Exception e) {
                // the store's open reports it
            }
        });
    }

    private static void start(String name, Runnable step) {
        Thread t = new Thread(
                () -> {
                    try {
                        step.run();
                    } catch (RuntimeException | Error e) {
                        // the server repeats the step and reports what failed
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }
}
