package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** `stui bench load` options that are refused before any load starts, with a message saying why. */
@Timeout(30)
class LoadCommandTest {

    private static int load(StringWriter err, String... args) {
        CommandLine cl = BenchMain.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "load";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void aBusyCeilingNeedsTheCeiling() {
        StringWriter err = new StringWriter();
        assertEquals(2, load(err, "--endpoint", "tcp://127.0.0.1:1", "--ceiling-busy-ns", "1000", "-n", "1"));
        assertTrue(
                err.toString()
                        .contains(
                                "--ceiling-busy-ns: give 0 to 1000000000 nanoseconds, with --c-ceiling or --versus-ceiling"),
                err.toString());
    }

    @Test
    void aComparisonNeedsAServerToCompare() {
        StringWriter err = new StringWriter();
        assertEquals(2, load(err, "--c-ceiling", "--versus-ceiling", "3", "-n", "1"));
        assertTrue(err.toString().contains("--versus-ceiling: give 1 to 9 pairs, with --endpoint"), err.toString());
    }

    @Test
    void aComparisonHasOneToNinePairs() {
        for (String pairs : new String[] {"-1", "10"}) {
            StringWriter err = new StringWriter();
            assertEquals(2, load(err, "--endpoint", "tcp://127.0.0.1:1", "--versus-ceiling", pairs, "-n", "1"));
            assertTrue(err.toString().contains("--versus-ceiling: give 1 to 9 pairs"), pairs + ": " + err);
        }
    }

    @Test
    void aNegativeSpinIsRefused() {
        StringWriter err = new StringWriter();
        assertEquals(2, load(err, "--c-ceiling", "--ceiling-busy-ns", "-5", "-n", "1"));
        assertTrue(err.toString().contains("--ceiling-busy-ns"), err.toString());
    }

    @Test
    void pinningNeedsAServerToPin() {
        StringWriter err = new StringWriter();
        assertEquals(2, load(err, "--endpoint", "tcp://127.0.0.1:1", "--cpus", "0", "-n", "1"));
        assertTrue(err.toString().contains("--cpus: give --server-pid, the server to pin"), err.toString());

        StringWriter pair = new StringWriter();
        assertEquals(
                2, load(pair, "--endpoint", "tcp://127.0.0.1:1", "--versus-ceiling", "1", "--cpus", "0", "-n", "1"));
        assertTrue(
                pair.toString()
                        .contains("--cpus: give --server-pid, the server to pin (the C ceiling and the server "
                                + "must run on the same CPUs)"),
                pair.toString());

        StringWriter gone = new StringWriter();
        assertEquals(
                2,
                load(gone, "--endpoint", "tcp://127.0.0.1:1", "--server-pid", "2147483647", "--cpus", "0", "-n", "1"));
        assertTrue(gone.toString().contains("--cpus: no process 2147483647 (--server-pid) to pin"), gone.toString());
    }

    @Test
    void aCpuListThatIsNotOneIsRefusedBeforeTheCeilingStarts() {
        StringWriter err = new StringWriter();
        assertEquals(2, load(err, "--c-ceiling", "--cpus", "3-1", "-n", "1"));
        assertTrue(err.toString().contains("--cpus: '3-1' is a range that runs backwards"), err.toString());

        StringWriter absent = new StringWriter();
        assertEquals(2, load(absent, "--c-ceiling", "--cpus", "1023", "-n", "1"));
        assertTrue(
                absent.toString().contains("--cpus: CPU 1023 is not available here (available: "), absent.toString());
    }
}
