package io.stui.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.Command;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import io.stui.server.command.CodeCommands;
import io.stui.server.command.ContextCommands;
import io.stui.server.command.DebugCommands;
import io.stui.server.command.IdeCommands;
import io.stui.server.command.InfoCommands;
import io.stui.server.command.SessionCommands;
import io.stui.server.command.SmalltalkCommands;
import io.stui.server.config.ServerConfig;
import io.stui.smalltalk.SmalltalkEngine;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command table has one row per request type, and its placements keep the server's rules. */
class CommandTableTest {

    static SmalltalkCommands smalltalk;
    static CommandTable table;

    @BeforeAll
    static void build() {
        ServerConfig config = ServerConfig.defaults();
        smalltalk = new SmalltalkCommands(
                SmalltalkEngine.boot(), null, null, null, null, SmalltalkCommands.limits(config), null);
        table = table(smalltalk, config, () -> 0);
    }

    /**
     * A table over {@code smalltalk} without a session manager or a store (commands that need them are not run);
     * {@code sessions} answers the live session count that {@code server_info} reads first.
     */
    static CommandTable table(SmalltalkCommands smalltalk, ServerConfig config, IntSupplier sessions) {
        return new CommandTable(
                new InfoCommands(
                        new InfoCommands.ServerFacts("test", 0, "native", "4.3.4", "st", "image-1", config),
                        sessions,
                        () -> true,
                        List::of,
                        () -> 0,
                        () -> false,
                        () -> 0),
                new SessionCommands(null, s -> null, Duration.ofSeconds(1)),
                smalltalk,
                new ContextCommands(smalltalk, null, null, null),
                new IdeCommands(smalltalk, config, "test"),
                new DebugCommands(
                        smalltalk,
                        SmalltalkCommands.limits(config),
                        config.limits().debugSuspensionTimeout()),
                new CodeCommands(smalltalk, null, null));
    }

    @AfterAll
    static void close() {
        smalltalk.close();
    }

    @Test
    void everyRequestTypeOfTheProtocolHasItsRow() {
        Set<Class<?>> types =
                Arrays.stream(Request.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(Command.values().length, types.size(), "one request record per command");
        Set<Command> seen = EnumSet.noneOf(Command.class);
        for (Class<?> type : types) {
            Command c = Command.fromName(type.getSimpleName()).orElseThrow(() -> new AssertionError(type));
            CommandTable.Row row = table.row(c);
            assertNotNull(row, c + " has no row");
            assertEquals(type, row.type(), c + "'s row takes " + row.type().getSimpleName());
            assertNotNull(row.where());
            assertNotNull(row.handler());
            seen.add(c);
        }
        assertEquals(EnumSet.allOf(Command.class), seen);
    }

    @Test
    void aRequestThatNamesASessionRunsInItsOrderAndOneThatNamesNoneNeverWaitsForOne() {
        for (Command c : Command.values()) {
            CommandTable.Row row = table.row(c);
            if (!(row.where() instanceof Placement p)) {
                continue; // placed by content: checked below
            }
            if (c == Command.INTERRUPT) {
                // it raises a flag: queued in the session's order it would wait for the evaluation it stops
                assertEquals(Placement.INLINE, p);
                continue;
            }
            if (SessionScoped.class.isAssignableFrom(row.type())) {
                assertTrue(p == Placement.IN_PLACE || p == Placement.SERIAL, c + " is " + p);
            } else {
                assertTrue(p == Placement.INLINE || p == Placement.WORKER, c + " is " + p);
            }
        }
    }

    @Test
    void onlyTheBasicSystemInfoIsAnsweredInline() {
        for (InfoType type : InfoType.values()) {
            assertEquals(
                    type == InfoType.BASIC ? Placement.INLINE : Placement.WORKER,
                    table.placement(new Request.SystemInfo(type)),
                    type.wireName());
        }
    }

    @Test
    void commandsThatWriteTheStoreNeverRunOnTheFrontThread() {
        for (Command c : List.of(
                Command.CREATE_SESSION,
                Command.CLOSE_SESSION,
                Command.UPDATE_SESSION_STATE,
                Command.SAVE_CONTEXT,
                Command.LOAD_CONTEXT,
                Command.CLEAR_CONTEXT)) {
            Placer where = table.row(c).where();
            assertTrue(where == Placement.SERIAL || where == Placement.WORKER, c + " is " + where);
        }
    }

    @Test
    void theTableAnswersThroughTheRowsHandler() {
        assertEquals("pong", ((io.stui.protocol.result.PingResult) table.handle(new Request.Ping(null))).message());
        assertEquals(Placement.INLINE, table.placement(new Request.Ping(null)));
        assertEquals(Placement.IN_PLACE, table.placement(new Request.Evaluate("3 + 4")));
    }
}
