package io.stui.bench.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Relative weights of the request kinds a load sends, e.g. {@code ping=50,evaluate=50}. Picking is
 * deterministic for a given random source so that runs are repeatable.
 */
public final class CommandMix {
    private final Map<CommandKind, Integer> weights;
    private final CommandKind[] wheel;

    private CommandMix(Map<CommandKind, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("a command mix needs at least one positive weight");
        }
        // Weights are small integers (percentages in practice): a lookup wheel keeps picking O(1).
        wheel = new CommandKind[total];
        int i = 0;
        for (Map.Entry<CommandKind, Integer> e : this.weights.entrySet()) {
            for (int n = 0; n < e.getValue(); n++) {
                wheel[i++] = e.getKey();
            }
        }
    }

    /** A mix from explicit weights; negative weights and an all-zero mix are refused. */
    public static CommandMix of(Map<CommandKind, Integer> weights) {
        Map<CommandKind, Integer> copy = new EnumMap<>(CommandKind.class);
        weights.forEach((k, w) -> {
            if (w < 0 || w > 10_000) {
                throw new IllegalArgumentException("weight of " + k.label() + " must be from 0 to 10000, got " + w);
            }
            if (w > 0) {
                copy.put(k, w);
            }
        });
        return new CommandMix(copy);
    }

    /** Parses {@code ping=50,evaluate=40,inspect=5,session=5}; a bare name means weight 1. */
    public static CommandMix parse(String spec) {
        Map<CommandKind, Integer> weights = new EnumMap<>(CommandKind.class);
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).trim();
            int weight;
            try {
                weight = eq < 0 ? 1 : Integer.parseInt(item.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight in '" + item + "' (expected name=integer)");
            }
            weights.merge(CommandKind.fromLabel(name), weight, Integer::sum);
        }
        return of(weights);
    }

    /** Picks the next kind. */
    public CommandKind pick(RandomGenerator random) {
        return wheel[random.nextInt(wheel.length)];
    }

    /** True if this kind can be picked. */
    public boolean includes(CommandKind kind) {
        return weights.containsKey(kind);
    }

    /** The weights, for reports. */
    public Map<CommandKind, Integer> weights() {
        return weights;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, w) ->
                sb.append(sb.isEmpty() ? "" : ",").append(k.label()).append('=').append(w));
        return sb.toString();
    }
}
