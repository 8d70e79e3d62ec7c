package io.stui.bench.gate;

import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LoadSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gate's comparison with the C ceiling (key {@code "versus_ceiling"} of a gate file): for each
 * command, {@code pairs} closed-loop runs of {@code clients} REQ clients sending only that command,
 * each against the C ceiling server and right after against the server under test. The figures are
 * ratios to the ceiling measured in the same minute, so they hold from one machine to another where
 * absolute rates do not; the ceiling's own spread over the pairs says how noisy the machine was.
 *
 * @param cases     the loads compared, each in its own runs (e.g. ping, evaluate, evaluate with a loop)
 * @param clients   concurrent REQ clients of each run
 * @param pairs     ceiling-then-server pairs per command (the median pair is judged)
 * @param warmup    unmeasured time at the start of each run
 * @param duration  measured time of each run
 * @param maxNoise  largest spread of the ceiling's requests/s over the pairs, (max - min) / median,
 *                  for which the figures are trusted
 * @param attempts  how many times a too noisy comparison is run before the gate gives up on it
 * @param code      Smalltalk the evaluate runs of a case without its own code send, or null for the
 *                  floors' {@code load.code}
 */
public record RatioLoad(
        List<RatioCase> cases,
        int clients,
        int pairs,
        Duration warmup,
        Duration duration,
        double maxNoise,
        int attempts,
        String code) {

    public RatioLoad {
        cases = List.copyOf(cases);
    }

    /** One run of {@code command} alone against {@code endpoint}. */
    public LoadSpec spec(String endpoint, boolean fixedReplies, CommandKind command, String code, Duration timeout) {
        return new LoadSpec(
                endpoint,
                clients,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                warmup,
                duration,
                0,
                CommandMix.of(Map.of(command, 1)),
                code,
                timeout,
                fixedReplies);
    }

    /** The case named {@code name}, or null. */
    public RatioCase caseNamed(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Seconds one attempt takes at most, without the time to start anything. */
    public double secondsPerAttempt() {
        return cases.size() * pairs * 2 * (warmup.toMillis() + duration.toMillis()) / 1000.0;
    }
}
