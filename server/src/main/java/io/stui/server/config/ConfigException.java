package io.stui.server.config;

/** A setting is missing, malformed or unsafe; the message names the setting and what to do. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
