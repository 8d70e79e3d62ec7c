package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stui.smalltalk.tools.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an inspector shows page by page: the same elements as the whole collection, and a page costs the page. */
class CollectionPagerTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    /** What each element shows: its printString, and a dictionary entry's key first. */
    private static List<String> shown(Page<Reflection.Element> page) {
        List<String> out = new ArrayList<>();
        for (Reflection.Element e : page.items()) {
            String v = e.value().printString();
            out.add(
                    e.key() == null
                            ? e.index() + ":" + v
                            : e.index() + ":" + e.key().printString() + "->" + v);
        }
        return out;
    }

    /** Every element, read in pages of {@code size}. */
    private List<String> inPages(String id, int size) {
        List<String> out = new ArrayList<>();
        for (int offset = 0; ; offset += size) {
            List<String> page = shown(ws.elements(id, offset, size));
            if (page.isEmpty()) return out;
            out.addAll(page);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(1 to: 20) asOrderedCollection removeFirst: 3; yourself",
                "3 to: 40 by: 3",
                "#(5 3 9 1 7 2 8) asSortedCollection: [:a :b | a > b]",
                "LinkedList new add: 4; add: 5; add: 6; yourself",
                "(1 to: 17) asSet",
                "#(1 2 2 3 3 3) asBag",
                "(1 to: 12) inject: Dictionary new into: [:d :i | d at: i put: i * i; yourself]",
                "OrderedDictionary new at: #z put: 1; at: #a put: 2; at: #m put: 3; yourself",
                "#(#a 'b' $c 4)",
                "'hello world'",
            })
    void pagesShowTheWholeCollectionInItsOwnOrder(String expression) {
        String id = ws.evaluate(expression).objectId();
        boolean dictionary =
                ws.evaluate("(" + expression + ") isDictionary").printString().equals("true");
        // the whole, as the inspector showed it before pages were cut out of it: one copy of all the elements
        String whole = ws.evaluate("(" + expression + ") " + (dictionary ? "associations" : "asArray"))
                .objectId();
        List<String> expected = new ArrayList<>();
        // (a dictionary's associations print as key->value, as a page shows an entry)
        for (Reflection.Element e : ws.elements(whole, 0, 500).items())
            expected.add(e.value().printString());
        int size = Integer.parseInt(ws.evaluate("(" + expression + ") size").printString());
        assertEquals(size, ws.elements(id, 0, 1).totalCount(), expression);
        List<String> paged = inPages(id, 4);
        assertEquals(size, paged.size(), expression + ": " + paged);
        List<String> values = new ArrayList<>();
        for (String s : paged) values.add(s.substring(s.indexOf(':') + 1));
        assertEquals(expected, values, expression);
        assertEquals(paged, shown(ws.elements(id, 0, 500)), expression); // one page or many: the same
    }

    @Test
    void aPageOfTenMillionElementsCostsThePage() {
        // an Interval holds no elements: copying it (asArray) for a page would allocate 80 MB
        String id = ws.evaluate("1 to: 10000000").objectId();
        Page<Reflection.Element> page = ws.elements(id, 9_999_997, 5);
        assertEquals(10_000_000, page.totalCount());
        assertEquals(List.of("9999998:9999998", "9999999:9999999", "10000000:10000000"), shown(page));
    }

    @Test
    void anUnorderedCollectionIsWalkedOnlyToThePagesEnd() {
        ws.evaluate("Collection subclass: #Naturals instanceVariableNames: '' classVariableNames: '' package: 'T'");
        ws.evaluate("Naturals compile: 'do: aBlock\n\t1 to: 10000000 do: [:i | aBlock value: i]'");
        ws.evaluate("Naturals compile: 'size\n\t^10000000'");
        String id = ws.evaluate("Naturals new").objectId();
        Page<Reflection.Element> page = ws.elements(id, 1000, 3);
        assertEquals(10_000_000, page.totalCount());
        assertEquals(List.of("1001:1001", "1002:1002", "1003:1003"), shown(page));
        // the last page is beyond what one inspection may walk (the tool's step budget): empty, the total still told
        Page<Reflection.Element> last = ws.elements(id, 9_999_990, 5);
        assertEquals(List.of(), last.items());
        assertEquals(10_000_000, last.totalCount());
    }
}
