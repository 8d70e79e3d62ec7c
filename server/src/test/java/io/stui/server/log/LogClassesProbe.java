package io.stui.server.log;

import ch.qos.logback.classic.LoggerContext;

/** Logs two lines (one with a stack trace) through the server's set-up in a JVM of its own: a child JVM's main. */
public final class LogClassesProbe {
    private LogClassesProbe() {}

    public static void main(String[] args) {
        LoggerContext context = new LoggerContext();
        StuiLogConfigurator.configure(context, null);
        context.getLogger("io.stui.server.StuiServer").info("event=probe n={}", 1);
        if (args.length > 0) {
            context.getLogger("io.stui.server.StuiServer").warn("event=probe_failed", new IllegalStateException("x"));
        }
        context.stop();
    }
}
