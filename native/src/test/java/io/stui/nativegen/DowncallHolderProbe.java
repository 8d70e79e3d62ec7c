package io.stui.nativegen;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The child JVM of {@link GeneratedCodeTest#aFunctionsHandleIsLinkedOnItsFirstCallOnly}: reads the address and
 * descriptor of the sample's {@code abs} (as the socket library does to link handles of its own) and calls
 * {@code strlen} through its wrapper. The generated classes are on its class path.
 */
public final class DowncallHolderProbe {
    private DowncallHolderProbe() {}

    public static void main(String[] args) throws Exception {
        Class<?> header = Class.forName("sample.bindings.sample_h");
        System.out.println("abs at " + header.getMethod("abs$address").invoke(null) + ", "
                + header.getMethod("abs$descriptor").invoke(null));
        try (Arena arena = Arena.ofConfined()) {
            Object length = header.getMethod("strlen", MemorySegment.class).invoke(null, arena.allocateFrom("four"));
            System.out.println("strlen: " + length);
        }
    }
}
