package io.stui.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command lines read without picocli are read as picocli reads them; the others are left to it. */
class QuickCommandLineTest {

    /** The part of this process's environment picocli's defaults read here (a credential variable is left out). */
    private static Map<String, String> env() {
        String endpoint = System.getenv("STUI_ENDPOINT");
        return endpoint == null ? Map.of() : Map.of("STUI_ENDPOINT", endpoint);
    }

    /** picocli's reading of an eval line,. */
    private static EvalCommand picocliEval(List<String> args) {
        EvalCommand eval = new EvalCommand();
        new CommandLine(eval).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        return eval;
    }

    private static CallCommand picocliCall(List<String> args) {
        CallCommand call = new CallCommand();
        new CommandLine(call).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        return call;
    }

    private static void assertSameClient(ClientOptionsMixin expected, ClientOptionsMixin actual) {
        assertEquals(expected.endpoint, actual.endpoint);
        assertEquals(expected.timeoutMs, actual.timeoutMs);
        assertEquals(expected.tries, actual.tries);
        assertEquals(expected.encoding, actual.encoding);
        assertEquals(expected.tokenFile, actual.tokenFile);
        assertEquals(expected.clientKey, actual.clientKey);
        assertEquals(expected.serverKey, actual.serverKey);
    }

    @Test
    void evalLinesAreReadAsPicocliReadsThem() {
        for (List<String> args : List.of(
                List.of("3 + 4"),
                List.of("--endpoint", "tcp://127.0.0.1:7000", "3 + 4"),
                List.of("-e", "tcp://h:1", "-s", "abc", "x := 6"),
                List.of("x", "--session=s1", "--timeout-ms", "250", "--tries=1"),
                List.of("--endpoint=tcp://h:2", "--session", "s", "Transcript show: 'a=b'"))) {
            EvalCommand expected = picocliEval(args);
            EvalCommand quick = QuickCommandLine.eval(args, env());
            assertNotNull(quick, args.toString());
            assertSameClient(expected.client, quick.client);
            assertEquals(expected.code, quick.code, args.toString());
            assertEquals(expected.session, quick.session, args.toString());
        }
    }

    @Test
    void callLinesAreReadAsPicocliReadsThem() {
        for (List<String> args : List.of(
                List.of("ping"),
                List.of("evaluate", "code=3 + 4", "--endpoint", "tcp://h:3"),
                List.of("--tries", "2", "create_session", "client_id=a", "n=42"))) {
            CallCommand expected = picocliCall(args);
            CallCommand quick = QuickCommandLine.call(args, env());
            assertNotNull(quick, args.toString());
            assertSameClient(expected.client, quick.client);
            assertEquals(expected.command, quick.command);
            assertEquals(expected.pairs, quick.pairs);
        }
    }

    @Test
    void theEndpointVariableIsTheDefaultAsForPicocli() {
        EvalCommand quick = QuickCommandLine.eval(List.of("1"), Map.of("STUI_ENDPOINT", "tcp://10.0.0.1:9"));
        assertEquals("tcp://10.0.0.1:9", quick.client.endpoint);
        assertEquals("tcp://10.0.0.1:9", quick.client.options().endpoint());
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (List<String> args : List.of(
                List.<String>of(),
                List.of("--help"),
                List.of("-V"),
                List.of("1", "2"),
                List.of("--tries", "many", "1"),
                List.of("--endpoint"),
                List.of("--encoding", "envelope", "1"),
                List.of("--token-file", "t", "1"),
                List.of("--", "-1"),
                List.of("@args.txt"),
                List.of("-s"),
                List.of("-etcp://h:1", "1"))) {
            assertNull(QuickCommandLine.eval(args, Map.of()), args.toString());
        }
        assertNull(QuickCommandLine.call(List.of(), Map.of()));
        assertNull(QuickCommandLine.call(List.of("ping", "--server-key", "k"), Map.of()));
        assertNull(QuickCommandLine.eval(List.of("1"), Map.of("STUI_TOKEN_FILE", "/t")));
        assertNull(QuickCommandLine.call(List.of("ping"), Map.of("STUI_SERVER_KEY", "k")));
        assertNull(QuickCommandLine.st(List.of("@file")));
        assertNotNull(QuickCommandLine.st(List.of("-q", "3 + 4")));
    }

    @Test
    void serveLinesGiveTheSettingsPicocliGives() {
        for (List<String> args : List.of(
                List.<String>of(),
                List.of("--endpoint", "tcp://127.0.0.1:7000", "--store", "/tmp/s.db"),
                List.of("--endpoint=tcp://127.0.0.1:*", "--workers=2", "--front-mode", "plain"),
                List.of("--config", "stui.properties", "--allow-clients=a*,b", "--eval-timeout-ms", "250"),
                List.of("--metrics-port", "0", "--old-gen-factor=1.5", "--endpoint="))) {
            ServeCommand expected = new ServeCommand();
            new CommandLine(expected).parseArgs(args.toArray(String[]::new));
            ServeCommand quick = QuickCommandLine.serve(args);
            assertNotNull(quick, args.toString());
            assertEquals(expected.flags(), quick.flags(), args.toString());
        }
    }

    @Test
    void serveLinesPicocliMustReadAreRefused() {
        for (List<String> args : List.of(
                List.of("--help"),
                List.of("-h"),
                List.of("--version"),
                List.of("--insecure"),
                List.of("--insecure=true"),
                List.of("--endpoint"),
                List.of("--endpoint", "--store", "x"),
                List.of("--store", "@args"),
                List.of("--endpoint", "a", "--endpoint", "b"),
                List.of("--no-such-flag", "1"),
                List.of("--store", "x", "extra"),
                List.of("--"),
                List.of("@args"))) {
            assertNull(QuickCommandLine.serve(args), args.toString());
        }
    }

    @Test
    void theServeSettingsReadQuicklyAreServesFlagsThatTakeAValue() {
        var options = new CommandLine(new ServeCommand()).getCommandSpec().options();
        java.util.Set<String> valued = new java.util.HashSet<>();
        for (var o : options) {
            if (o.type() == String.class) {
                valued.add(o.longestName().substring(2));
            }
        }
        assertEquals(valued, QuickCommandLine.SERVE_SETTINGS);
    }
}
