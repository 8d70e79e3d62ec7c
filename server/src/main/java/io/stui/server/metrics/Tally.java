package io.stui.server.metrics;

/** The server's plain counts: each one a Prometheus counter when the metrics are served, else a plain counter. */
enum Tally {
    EVALUATION_TIMEOUTS(
            "stui_evaluation_timeouts_total", "Evaluations stopped by the time limit or the instruction budget"),
    AUTOSAVES("stui_autosaves_total", "Workspace snapshots written by the background auto-save"),
    AUTOSAVE_FAILURES(
            "stui_autosave_failures_total",
            "Auto-save writes that failed; each is retried and reported to the session's client"),
    IMAGE_SAVE_FAILURES(
            "stui_image_save_failures_total",
            "Saves of the default image that failed; each is retried with backoff, /readyz fails meanwhile");

    /** The Prometheus name and help text. */
    final String metricName;

    final String help;

    Tally(String metricName, String help) {
        this.metricName = metricName;
        this.help = help;
    }
}
