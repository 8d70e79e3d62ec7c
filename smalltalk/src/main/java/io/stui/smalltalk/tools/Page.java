package io.stui.smalltalk.tools;

import java.util.List;

/** One page of a longer answer: {@code items} from {@code offset}, at most {@code limit}, of {@code totalCount}. */
public record Page<T>(List<T> items, int totalCount, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    /** The page of {@code all} from {@code offset}, at most {@code limit} long. */
    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive");
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to), all.size(), offset, limit);
    }
}
