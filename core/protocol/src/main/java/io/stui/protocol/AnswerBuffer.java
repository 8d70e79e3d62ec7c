package io.stui.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The output an answer is encoded into, one per thread and reused: the generator writes its bytes
 * here, and the answer leaves lent in place ({@link #lend()}): a caller that sends it at once makes no
 * copy, one that keeps it makes the only one ({@link EncodedAnswer#toByteArray()}). Replaces a
 * fresh growing buffer per answer (three arrays per answer before). The buffer keeps its JSON
 * generator too, writing one answer after another as separate root values: making a generator (its
 * I/O context, write context and recycled buffers) cost more than the short answers it writes. Not
 * thread-safe by design; {@link #acquire()} hands each thread its own, or a fresh one if the thread
 * is already encoding.
 */
final class AnswerBuffer extends OutputStream {
    private static final int INITIAL = 512;
    /** A buffer grown past this by a large answer is dropped afterwards so a thread does not keep it. */
    private static final int KEEP_LIMIT = 64 * 1024;

    private static final ThreadLocal<AnswerBuffer> PER_THREAD = ThreadLocal.withInitial(AnswerBuffer::new);

    /** Scratch for the answer's timestamp text (ASCII), written without making a String. */
    final byte[] timestamp = new byte[Timestamps.MAX_LENGTH];

    private byte[] buf = new byte[INITIAL];
    private int count;
    private boolean inUse;
    /** Writes into this buffer; kept from one answer to the next unless an answer failed midway. */
    private JsonGenerator generator;
    /** The current answer was written whole ({@link #complete()}). */
    private boolean completed;
    /** The view {@link #lend()} hands out, one per buffer and reused. */
    private final EncodedAnswer lent = new EncodedAnswer();

    private AnswerBuffer() {}

    /** This thread's buffer, emptied; call {@link #release()} when the answer has been copied out. */
    static AnswerBuffer acquire() {
        AnswerBuffer b = PER_THREAD.get();
        if (b.inUse) { // an encoder re-entered on this thread (a serializer encoding an answer): do not share
            b = new AnswerBuffer();
        }
        b.inUse = true;
        b.count = 0;
        return b;
    }

    /** The generator writing into this buffer, made on first use. */
    JsonGenerator generator(JsonFactory factory) throws IOException {
        if (generator == null) {
            generator = factory.createGenerator(this);
            generator.setRootValueSeparator(null); // each answer is its own document: nothing between them
        }
        return generator;
    }

    /** Ends the current answer: the generator's own buffer is flushed here, so the bytes are all in this buffer. */
    void complete() throws IOException {
        generator.flush();
        completed = true;
    }

    /** Makes the buffer available to the next answer on this thread. */
    void release() {
        if (!completed) {
            // the answer failed midway: its generator stands inside an object and would carry that into the next
            generator = null;
        }
        completed = false;
        if (buf.length > KEEP_LIMIT) {
            buf = new byte[INITIAL];
        }
        count = 0;
        inUse = false;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensure(int more) {
        int need = count + more;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    /** The bytes written since {@link #acquire()}, lent: valid until this buffer's next answer. */
    EncodedAnswer lend() {
        lent.lend(buf, count);
        return lent;
    }
}
