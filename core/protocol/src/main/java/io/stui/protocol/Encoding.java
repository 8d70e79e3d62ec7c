package io.stui.protocol;

/**
 * The two JSON shapes a STUI message can take. A server detects the encoding of each request and
 * answers in the same one.
 */
public enum Encoding {
    /** {@code {"id", "command", "parameters"}}: the Pharo server's and the session protocol's shape. */
    COMMAND,
    /** {@code {"id", "version", "timestamp", "payload"}}: the Rust client's protocol crate. */
    ENVELOPE
}
