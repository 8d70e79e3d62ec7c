package io.stui.protocol.client;

import io.stui.protocol.Encoding;
import java.time.Duration;
import java.util.Objects;

/**
 * How a STUI client talks to its server.
 *
 * @param endpoint the server's ZeroMQ endpoint, e.g. {@code tcp://127.0.0.1:5555}
 * @param encoding the encoding requests are sent in (answers come back in the same one)
 * @param timeout  how long one try waits for an answer
 * @param tries    how many times a blocking call sends a request before giving up (at least 1)
 * @param authToken the token sent as {@code auth_token} with every request, or null for none (a server with a
 *                  token file needs one); {@link #toString()} hides it
 * @param curve     CURVE credentials for a server with a CURVE key, or null for a plain connection
 */
public record ClientOptions(
        String endpoint, Encoding encoding, Duration timeout, int tries, String authToken, CurveClient curve) {
    /** The protocol's default endpoint. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";
    /** Default time one try waits: the ZeroMQ guide's Lazy Pirate value. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2500);
    /** Default number of tries. */
    public static final int DEFAULT_TRIES = 3;

    /** Options sending no token. */
    public ClientOptions(String endpoint, Encoding encoding, Duration timeout, int tries) {
        this(endpoint, encoding, timeout, tries, null, null);
    }

    public ClientOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, got " + tries);
        }
    }

    /** Command encoding, 2.5 s per try, 3 tries. */
    public static ClientOptions defaults(String endpoint) {
        return new ClientOptions(endpoint, Encoding.COMMAND, DEFAULT_TIMEOUT, DEFAULT_TRIES);
    }

    /** A copy speaking this encoding. */
    public ClientOptions withEncoding(Encoding encoding) {
        return new ClientOptions(endpoint, encoding, timeout, tries, authToken, curve);
    }

    /** A copy waiting this long per try. */
    public ClientOptions withTimeout(Duration timeout) {
        return new ClientOptions(endpoint, encoding, timeout, tries, authToken, curve);
    }

    /** A copy making this many tries. */
    public ClientOptions withTries(int tries) {
        return new ClientOptions(endpoint, encoding, timeout, tries, authToken, curve);
    }

    /** A copy sending this token as {@code auth_token} with every request (null: none). */
    public ClientOptions withAuthToken(String authToken) {
        return new ClientOptions(endpoint, encoding, timeout, tries, authToken, curve);
    }

    /** A copy connecting with these CURVE credentials (null: plain). */
    public ClientOptions withCurve(CurveClient curve) {
        return new ClientOptions(endpoint, encoding, timeout, tries, authToken, curve);
    }

    @Override
    public String toString() {
        return "ClientOptions[endpoint=" + endpoint + ", encoding=" + encoding + ", timeout=" + timeout + ", tries="
                + tries + ", authToken=" + (authToken == null ? "none" : "***") + ", curve=" + curve + "]";
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
