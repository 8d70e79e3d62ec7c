package io.stui.server.session;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which client ids may open sessions: an id must match the allow list (when it is not
 * empty) and must not match the deny list. Entries are globs ({@code *} any run, {@code ?} one
 * character), matched against the whole id.
 */
public final class ClientPolicy {
    private final List<Pattern> allow;
    private final List<Pattern> deny;

    public ClientPolicy(List<String> allowGlobs, List<String> denyGlobs) {
        this.allow = allowGlobs.stream().map(ClientPolicy::globToRegex).toList();
        this.deny = denyGlobs.stream().map(ClientPolicy::globToRegex).toList();
    }

    /** True when {@code clientId} may open sessions. */
    public boolean allows(String clientId) {
        if (deny.stream().anyMatch(p -> p.matcher(clientId).matches())) {
            return false;
        }
        return allow.isEmpty()
                || allow.stream().anyMatch(p -> p.matcher(clientId).matches());
    }

    /** Compiles a glob with {@code *} and {@code ?} into an anchored regular expression. */
    public static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
