package io.stui.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One Jackson parser per thread, kept from one request frame to the next. Making a parser (its I/O
 * context, symbol table, read contexts and quad buffer) cost about as much as reading the short request
 * it was made for, and was a third of what the server's front thread allocated per request. A
 * non-blocking parser can be fed one document after another, so each frame is fed to the same one.
 *
 * <p>It serves only the frame that parses whole: one object, nothing after it but whitespace. Anything
 * else (an incomplete document, trailing data, an exception) drops the parser, whose state is then
 * unknown, and the caller reads the frame again with a fresh parser, which reports the exact error.
 * Not thread-safe by design: {@link #forThisThread} hands each thread its own.
 */
final class FrameParser {
    /** A parser is replaced after this many frames, which bounds its symbol table and its line and offset counters. */
    static final int FRAMES_PER_PARSER = 10_000;
    /** A parser that read a frame larger than this is dropped after it, so it does not keep the frame reachable. */
    private static final int KEEP_LIMIT = 64 * 1024;

    private static final ThreadLocal<FrameParser> PER_THREAD = new ThreadLocal<>();

    /** Takes the bytes a parser gives back, to count them. */
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final JsonFactory factory;
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private int frames;

    private FrameParser(JsonFactory factory) {
        this.factory = factory;
    }

    /** This thread's parser state (the factory is the one the thread first asked with). */
    static FrameParser forThisThread(JsonFactory factory) {
        FrameParser p = PER_THREAD.get();
        if (p == null) {
            p = new FrameParser(factory);
            PER_THREAD.set(p);
        }
        return p;
    }

    /** Feeds a whole frame; returns the parser, positioned before the frame's first token. */
    JsonParser feed(byte[] buf, int off, int len) throws IOException {
        if (parser == null || frames >= FRAMES_PER_PARSER) {
            drop();
            parser = factory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }
        feeder.feedInput(buf, off, off + len);
        return parser;
    }

    /**
     * Whether the frame just read was one whole object followed by nothing but whitespace, the parser
     * standing on that object's end. If so the parser is left ready for the next frame (or dropped after
     * a large one); if not the caller must {@link #drop()} it.
     */
    boolean endedCleanly(byte[] buf, int off, int len) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT
                || !parser.getParsingContext().inRoot()) {
            return false; // stopped short: the frame ended inside the object
        }
        int after = parser.releaseBuffered(DISCARD); // the bytes fed but not read: those after the object
        for (int i = off + len - after; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        if (after > 0 && parser.nextToken() != JsonToken.NOT_AVAILABLE) {
            return false; // reads the trailing whitespace, so the parser has taken all it was fed
        }
        if (len > KEEP_LIMIT) {
            drop();
        } else {
            frames++;
        }
        return true;
    }

    /** Forgets the current parser (its state is unknown); the next frame gets a new one. */
    void drop() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // closing a parser over fed bytes releases buffers only; nothing to report
            }
        }
        parser = null;
        feeder = null;
        frames = 0;
    }
}
