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
        int from = 0;
        // from one '!' to the next in bulk, not a character at a time: the kernel boot splits 245 KB of sources
        // while nothing is compiled yet, and a loop per character kept both compilers busy with this method
        for (int bang = text.indexOf('!'); bang >= 0; bang = text.indexOf('!', from)) {
            cur.append(text, from, bang);
            if (bang + 1 < n && text.charAt(bang + 1) == '!') {
                cur.append('!');
                from = bang + 2;
            } else {
                out.add(cur.toString().strip());
                cur.setLength(0);
                from = bang + 1;
            }
        }
        cur.append(text, from, n);
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
