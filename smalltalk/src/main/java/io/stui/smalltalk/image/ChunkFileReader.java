package io.stui.smalltalk.image;

import io.stui.smalltalk.image.Definitions.Doit;
import io.stui.smalltalk.image.Definitions.MethodDef;
import io.stui.smalltalk.image.Definitions.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chunk-format file-out: chunks end with {@code !} ({@code !!} stands for one {@code !}); a chunk that
 * follows an empty one and reads {@code Foo methodsFor: 'x'} (or {@code Foo class methodsFor: 'x' stamp: '...'})
 * opens a section of method chunks that an empty chunk closes; every other chunk is an expression (a class
 * definition, a comment, an initialisation), evaluated in file order.
 */
public final class ChunkFileReader {
    private static final Pattern METHODS_FOR = Pattern.compile(
            "(\\w+)( class)?\\s+methodsFor:\\s*'((?:[^']|'')*)'(\\s+stamp:\\s*'[^']*')?\\s*", Pattern.DOTALL);

    private ChunkFileReader() {}

    /** A chunk: its text with {@code !!} undoubled and stripped, and the file offset where that text starts. */
    private record Chunk(String text, int offset) {}

    public static Definitions.ReadFile read(SourceText file) {
        List<Chunk> chunks = split(file.contents());
        List<Object> items = new ArrayList<>();
        int i = 0;
        while (i < chunks.size()) {
            Chunk c = chunks.get(i++);
            if (c.text.isEmpty()) {
                if (i < chunks.size()) {
                    Matcher m = METHODS_FOR.matcher(chunks.get(i).text);
                    if (m.matches()) {
                        i++;
                        String category = m.group(3).replace("''", "'");
                        while (i < chunks.size() && !chunks.get(i).text.isEmpty()) {
                            Chunk mc = chunks.get(i++);
                            items.add(new MethodDef(
                                    m.group(1), m.group(2) != null, category, mc.text, file, mc.offset, 0, mc.offset));
                        }
                    }
                }
                continue;
            }
            items.add(new Doit(c.text, new Where(file, c.offset)));
        }
        return new Definitions.ReadFile(file, null, List.of(), items);
    }

    private static List<Chunk> split(String text) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '!') {
                if (i + 1 < n && text.charAt(i + 1) == '!') {
                    cur.append('!');
                    i++;
                } else {
                    out.add(chunk(cur, start));
                    cur.setLength(0);
                    start = i + 1;
                }
            } else cur.append(c);
        }
        if (!cur.toString().isBlank()) out.add(chunk(cur, start));
        return out;
    }

    private static Chunk chunk(StringBuilder text, int start) {
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) lead++;
        return new Chunk(text.toString().strip(), start + lead);
    }
}
