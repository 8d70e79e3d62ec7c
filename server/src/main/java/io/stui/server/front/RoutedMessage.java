package io.stui.server.front;

import java.util.List;

/**
 * A message as a ROUTER socket receives it, split into the routing envelope (the peer identity,
 * any further routing frames, and the empty delimiter when the peer sent one) and the body frames.
 *
 * <p>REQ peers send {@code [delimiter, body]}, DEALER peers {@code [body]} or
 * {@code [delimiter, body]}; the ROUTER prepends the identity. The envelope is everything up to and
 * including the first empty frame after the identity; with no empty frame, just the identity (a
 * message whose only empty frame is the last is an empty body from a DEALER peer). The
 * answer goes back on exactly that envelope, so each kind of peer gets what it expects.
 *
 * @param envelope routing frames to send back before the answer (never empty)
 * @param body     the frames after the envelope: one for a well-formed request
 */
public record RoutedMessage(List<byte[]> envelope, List<byte[]> body) {

    /** Splits the frames of one message received on a ROUTER socket. */
    public static RoutedMessage split(List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a ROUTER message has at least the identity frame");
        }
        int delimiter = -1;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).length == 0) {
                delimiter = i;
                break;
            }
        }
        if (delimiter == frames.size() - 1) {
            // [identity, ..., empty] only: a DEALER without delimiter sent an empty body (a REQ peer
            // always sends a body after its delimiter), so the empty frame is the body.
            return new RoutedMessage(slice(frames, 0, frames.size() - 1), List.of(frames.getLast()));
        }
        int bodyStart = delimiter < 0 ? 1 : delimiter + 1;
        return new RoutedMessage(slice(frames, 0, bodyStart), slice(frames, bodyStart, frames.size()));
    }

    /** An immutable copy of {@code frames[from, to)}; the one- and two-frame cases (every request) without a copy loop. */
    private static List<byte[]> slice(List<byte[]> frames, int from, int to) {
        return switch (to - from) {
            case 0 -> List.of();
            case 1 -> List.of(frames.get(from));
            case 2 -> List.of(frames.get(from), frames.get(from + 1));
            default -> List.copyOf(frames.subList(from, to));
        };
    }
}
