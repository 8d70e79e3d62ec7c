package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
    @Test
    void spacesRequestsEvenlyFromTheStartWhateverTheAnswersDo() {
        OpenLoopSchedule s = new OpenLoopSchedule(1_000, 250);
        assertEquals(1_000, s.nextIntended());
        assertEquals(1_250, s.nextIntended());
        assertEquals(1_500, s.nextIntended());
    }

    @Test
    void clientsShareTheRateAndAreStaggered() {
        // 400 req/s over 4 clients: each client every 10 ms, client 1 offset by 2.5 ms.
        OpenLoopSchedule c0 = OpenLoopSchedule.forClient(0, 400, 4, 0);
        OpenLoopSchedule c1 = OpenLoopSchedule.forClient(0, 400, 4, 1);
        assertEquals(10_000_000, c0.intervalNanos());
        assertEquals(0, c0.nextIntended());
        assertEquals(2_500_000, c1.nextIntended());
        assertEquals(12_500_000, c1.nextIntended());
    }

    @Test
    void refusesImpossibleSchedules() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
        assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.forClient(0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.forClient(0, 10, 2, 2));
    }
}
