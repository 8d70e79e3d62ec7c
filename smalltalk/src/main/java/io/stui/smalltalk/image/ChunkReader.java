package io.stui.smalltalk.image;

import java.util.ArrayList;
import java.util.List;

/** Splits Smalltalk "chunk format" text on {@code !}; a doubled {@code !!} stands for one {@code !}. */
public final class ChunkReader {
    private ChunkReader() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '!') {
                if (i + 1 < n && text.charAt(i + 1) == '!') {
                    cur.append('!');
                    i++;
                } else {
                    out.add(cur.toString().strip());
                    cur.setLength(0);
                }
            } else cur.append(c);
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
