package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.Command;
import io.stui.protocol.Decoded;
import io.stui.protocol.Encoding;
import io.stui.protocol.ProtocolCodec;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The load generator's requests, as the server's own codec decodes them, in both encodings. */
class RequestFactoryTest {

    private static Request decoded(byte[] frame, String id) {
        Decoded d = ProtocolCodec.INSTANCE.decode(frame);
        Decoded.Ok ok = assertInstanceOf(Decoded.Ok.class, d, d::toString);
        assertEquals(id, ok.meta().idText());
        return ok.request();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyKindIsAValidRequestOfItsCommand(Encoding encoding) {
        RequestFactory f = new RequestFactory(encoding, "3 + 4");
        List<Command> expected = List.of(
                Command.PING,
                Command.EVALUATE,
                Command.INSPECT,
                Command.GET_SESSION_INFO,
                Command.CODE_COMPLETION,
                Command.SENDERS,
                Command.DEBUG,
                Command.LOAD_CODE);
        assertEquals(CommandKind.values().length, expected.size(), "a kind without an expected command");
        for (CommandKind k : CommandKind.values()) {
            Request r = decoded(f.encode(k, "r-" + k.ordinal(), "s-1", "d7"), "r-" + k.ordinal());
            assertEquals(expected.get(k.ordinal()), r.command(), k.label());
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aDebugStepIsOneStepOverOfTheClientsSuspendedEvaluation(Encoding encoding) {
        Request.Debug step = (Request.Debug)
                decoded(new RequestFactory(encoding, "x").encode(CommandKind.DEBUG_STEP, "r-1", "s-1", "d7"), "r-1");
        assertEquals(DebugOperation.Kind.STEP_OVER, step.operation().kind());
        assertEquals("d7", step.debugId());
        assertEquals("s-1", step.sessionId());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void theDebugSetupStopsAtABreakpointInTheLoop(Encoding encoding) {
        RequestFactory f = new RequestFactory(encoding, "x");
        List<Request> setup = RequestFactory.debugSetup("s-1");
        assertEquals(
                List.of(Command.DEFINE_CLASS, Command.COMPILE_METHOD, Command.DEBUG, Command.EVALUATE),
                setup.stream().map(Request::command).toList());
        for (Request r : setup) { // each survives the wire as it was built
            assertEquals(r, decoded(f.encode("r-1", r), "r-1"), r.command().snakeName());
        }
        Request.Debug breakpoint = (Request.Debug) setup.get(2);
        assertEquals(DebugOperation.Kind.SET_BREAKPOINT, breakpoint.operation().kind());
        assertEquals(RequestFactory.STEP_LINE, breakpoint.operation().line());
        assertTrue(RequestFactory.STEP_METHOD
                .lines()
                .toList()
                .get(RequestFactory.STEP_LINE - 1)
                .contains("whileTrue:"));
        assertTrue(((Request.Evaluate) setup.get(3)).debugging());
        Request.Debug end = RequestFactory.debugTeardown("s-1", "d7");
        assertEquals(DebugOperation.Kind.TERMINATE, end.operation().kind());
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void loadCodeSendsTheFileOutIntoTheSession(Encoding encoding) {
        Request.LoadCode load = (Request.LoadCode)
                decoded(new RequestFactory(encoding, "x").encode(CommandKind.LOAD_CODE, "r-1", "s-1", null), "r-1");
        assertEquals("s-1", load.sessionId());
        assertEquals(List.of(RequestFactory.LOADED_FILE), load.files());
    }
}
