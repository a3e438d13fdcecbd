package dev.sextant.pii;

import java.util.regex.Pattern;

/**
 * Secrets with a recognisable published shape: OpenAI/Anthropic-style {@code sk-...} keys, AWS
 * access key ids ({@code AKIA...}), GitHub tokens ({@code ghp_...} and kin), Slack tokens
 * ({@code xox[abprs]-...}), Google API keys ({@code AIza...}), Stripe keys, JSON Web Tokens, and
 * {@code Bearer} tokens. A generic high-entropy guess is left out on purpose: it flags hashes
 * and ids that are not secrets.
 */
public final class ApiKeyDetector extends PatternDetector {
    private static final Pattern KEY = Pattern.compile("(?<![\\w-])(?:"
            + "sk-(?:[A-Za-z0-9_-]{2,16}-)?[A-Za-z0-9_-]{20,}"
            + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
            + "|gh[pousr]_[A-Za-z0-9]{36,}"
            + "|github_pat_[A-Za-z0-9_]{40,}"
            + "|xox[abprs]-[A-Za-z0-9-]{10,}"
            + "|AIza[0-9A-Za-z_-]{35}"
            + "|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
            + "|(?<=[Bb]earer )[A-Za-z0-9._~+/-]{20,}=*"
            + ")(?![\\w-])");

    public ApiKeyDetector() {
        super(PiiKind.API_KEY, KEY);
    }

    private static final java.util.List<String> MARKERS = java.util.List.of("sk-", "AKIA", "ASIA", "gh", "github_pat_",
            "xox", "AIza", "_live_", "_test_", "eyJ", "earer ");

    @Override
    boolean mayContain(CharSequence text) {
        String s = text.toString();
        for (String marker : MARKERS) {
            if (s.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
