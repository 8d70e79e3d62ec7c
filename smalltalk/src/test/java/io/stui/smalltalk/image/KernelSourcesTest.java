package io.stui.smalltalk.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel sources: every method compiles, every class is documented by its category, sources are retrievable. */
class KernelSourcesTest {
    @Test
    void everyKernelMethodCompiles() {
        ClassTable k = KernelLoader.boot();
        List<String> broken = new ArrayList<>();
        int count = 0;
        for (StClass c : k.kernelClasses) {
            for (StClass side : List.of(c, c.cls)) {
                for (CompiledMethod m : side.methods.values()) {
                    count++;
                    try {
                        m.ensureCompiled();
                    } catch (RuntimeException e) {
                        broken.add(m.printName() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(count > 900, "only " + count + " kernel methods");
    }

    @Test
    void kernelIsFrozenAndComplete() {
        ClassTable k = KernelLoader.boot();
        assertTrue(k.isFrozen());
        for (String name : List.of(
                "Object",
                "Boolean",
                "SmallInteger",
                "LargePositiveInteger",
                "LargeNegativeInteger",
                "Fraction",
                "Float",
                "ScaledDecimal",
                "Character",
                "String",
                "Symbol",
                "Array",
                "ByteArray",
                "OrderedCollection",
                "Interval",
                "Set",
                "Bag",
                "Dictionary",
                "IdentityDictionary",
                "Association",
                "SortedCollection",
                "Point",
                "ReadStream",
                "WriteStream",
                "BlockClosure",
                "Exception",
                "Error",
                "ZeroDivide",
                "MessageNotUnderstood",
                "SubscriptOutOfBounds",
                "KeyNotFound",
                "Date",
                "Time",
                "DateAndTime",
                "Duration",
                "SystemDictionary",
                "TranscriptStream")) {
            Binding b = k.globals.get(name);
            assertNotNull(b, name);
            StClass c = (StClass) b.value;
            assertFalse(c.category == null || c.category.isBlank(), name);
        }
        assertTrue(KernelLoader.kernelFile("Collections.st").contains("OrderedCollection"));
    }

    @Test
    void primitivesNamedInSourcesExist() {
        ClassTable k = KernelLoader.boot();
        for (StClass c : k.kernelClasses)
            for (StClass side : List.of(c, c.cls))
                for (CompiledMethod m : side.methods.values())
                    if (m.primitiveName != null) assertNotNull(m.primitive, m.printName());
    }

    @Test
    void eachKernelMethodIsInstalledAsItsFullParseReadsIt() {
        // kernel methods are installed from their headers (Parser.header); their bodies are parsed on their first call
        ClassTable k = KernelLoader.boot();
        int count = 0;
        for (StClass c : k.kernelClasses)
            for (StClass side : List.of(c, c.cls))
                for (CompiledMethod m : side.methods.values()) {
                    Ast.Method full = Parser.parseMethod(m.source);
                    assertEquals(full.selector(), m.selector.name, m.printName());
                    assertEquals(full.params(), List.of(m.argNames), m.printName());
                    assertEquals(full.primitive(), m.primitiveName, m.printName());
                    count++;
                }
        assertTrue(count > 900, "only " + count + " kernel methods");
    }
}
