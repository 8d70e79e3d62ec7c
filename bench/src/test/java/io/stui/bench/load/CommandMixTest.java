package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommandMixTest {
    @Test
    void parsesWeightsAndPicksInProportion() {
        CommandMix mix = CommandMix.parse("ping=3, evaluate=1");
        assertEquals("ping=3,evaluate=1", mix.toString());
        assertTrue(mix.includes(CommandKind.PING));
        assertFalse(mix.includes(CommandKind.INSPECT));
        Map<CommandKind, Integer> counts = new EnumMap<>(CommandKind.class);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 40_000; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }
        assertEquals(30_000, counts.get(CommandKind.PING), 600);
        assertEquals(10_000, counts.get(CommandKind.EVALUATE), 600);
    }

    @Test
    void theIdeToolsHaveTheirLabels() {
        CommandMix mix = CommandMix.parse("complete=1,senders=1,debug_step=2,load_code=1");
        assertEquals("complete=1,senders=1,debug_step=2,load_code=1", mix.toString());
        assertEquals(CommandKind.DEBUG_STEP, CommandKind.fromLabel("debug_step"));
        assertEquals(CommandKind.LOAD_CODE, CommandKind.fromLabel("load_code"));
    }

    @Test
    void aBareNameWeighsOne() {
        assertEquals("session=1", CommandMix.parse("session").toString());
    }

    @Test
    void refusesUnknownNamesBadWeightsAndEmptyMixes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandMix.parse("pong=1"));
        assertTrue(e.getMessage().contains("ping, evaluate, inspect, session"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandMix.parse("ping=x"));
        assertThrows(IllegalArgumentException.class, () -> CommandMix.parse("ping=-1"));
        assertThrows(IllegalArgumentException.class, () -> CommandMix.parse("ping=0"));
    }
}
