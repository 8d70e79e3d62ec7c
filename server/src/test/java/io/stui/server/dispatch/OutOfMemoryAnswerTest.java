package io.stui.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.ProtocolCodec;
import io.stui.server.command.SmalltalkCommands;
import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.exec.MemoryReserve;
import io.stui.server.front.Front;
import io.stui.server.metrics.ServerMetrics;
import io.stui.smalltalk.SmalltalkEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, problem 3: a request whose handler runs out of the shared heap still gets its answer (before, the
 * error escaped to the worker's loop, which logged {@code worker_task_failed} and answered nothing).
 */
class OutOfMemoryAnswerTest {

    @Test
    void aHandlerThatRunsOutOfMemoryStillAnswersAndTheReserveIsTakenBack() throws Exception {
        ServerConfig config = ServerConfig.defaults();
        SmalltalkCommands smalltalk = new SmalltalkCommands(
                SmalltalkEngine.boot(), null, null, null, null, SmalltalkCommands.limits(config), null);
        CommandTable table = CommandTableTest.table(smalltalk, config, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        MemoryReserve reserve = new MemoryReserve(1 << 16);
        List<String> answers = new ArrayList<>();
        Front.Reply reply = (bytes, length) -> answers.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
        Front.InPlace nowhere = new Front.InPlace() {
            @Override
            public boolean allowed() {
                return false;
            }

            @Override
            public void starting() {}
        };
        try (KeyedSerialExecutor executor = new KeyedSerialExecutor(1, 4, 4, 1 << 20);
                ServerMetrics metrics = new ServerMetrics(() -> 0)) {
            RequestDispatcher dispatcher = new RequestDispatcher(
                    ProtocolCodec.INSTANCE, table, executor, id -> null, metrics, policy(reserve));
            byte[] request =
                    "{\"command\":\"system_info\",\"id\":7,\"parameters\":{}}".getBytes(StandardCharsets.UTF_8);
            dispatcher.dispatch(List.of(request), reply, nowhere);
            assertEquals(1, answers.size(), "exactly one answer");
            assertTrue(answers.getFirst().contains("InternalError"), answers.getFirst());
            assertTrue(answers.getFirst().contains("short of memory"), answers.getFirst());
            assertTrue(reserve.held(), "the reserve is taken back once the answer is made");
        } finally {
            smalltalk.close();
        }
    }

    private static DispatchPolicy policy(MemoryReserve reserve) {
        DispatchPolicy none = DispatchPolicy.none();
        return new DispatchPolicy(reserve, none.identities(), none.ownership(), none.answers());
    }
}
