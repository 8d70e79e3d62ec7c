package io.stui.smalltalk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunk format: chunks end at a single '!', a doubled '!!' is one '!' inside a chunk, each chunk is stripped. */
class ChunkReaderTest {
    @Test
    void splitsOnSingleBangsAndStripsEachChunk() {
        assertEquals(List.of("a := 1.", "b", ""), ChunkReader.split("  a := 1. !\n b!   !"));
    }

    @Test
    void aDoubledBangIsOneBangInsideItsChunk() {
        assertEquals(List.of("x := 'hi!'", "y!"), ChunkReader.split("x := 'hi!!'!y!!"));
        assertEquals(List.of("!!"), ChunkReader.split("!!!!"));
    }

    @Test
    void aLastChunkWithoutItsBangCountsUnlessBlank() {
        assertEquals(List.of("a", "tail"), ChunkReader.split("a! tail "));
        assertEquals(List.of("a"), ChunkReader.split("a!  \n"));
        assertEquals(List.of(), ChunkReader.split(""));
        assertEquals(List.of(""), ChunkReader.split("!"));
    }

    @Test
    void aMethodsForSectionComesOutAsTheLoaderReadsIt() {
        String text = "Object subclass: #Foo!\n\n!Foo methodsFor: 'x'!\nbar\n\t^ 'a!!b'! !\n";
        assertEquals(
                List.of("Object subclass: #Foo", "", "Foo methodsFor: 'x'", "bar\n\t^ 'a!b'", ""),
                ChunkReader.split(text));
    }
}
