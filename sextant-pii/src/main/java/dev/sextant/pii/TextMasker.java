package dev.sextant.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A workspace's rules, compiled: finds what the rules that apply to a kind of text match, and
 * replaces it ({@code [EMAIL]}), hashes it ({@code [EMAIL:3f9a…]}, HMAC-SHA256 keyed with the
 * workspace's secret, 16 hex digits, the same for the same value) or drops the whole value.
 * Thread-safe; build one per rules version and reuse it.
 */
public final class TextMasker {
    private static final Map<PiiKind, PiiDetector> DETECTORS = new EnumMap<>(Map.of(
            PiiKind.API_KEY, new ApiKeyDetector(), PiiKind.EMAIL, new EmailDetector(),
            PiiKind.PAYMENT_CARD, new PaymentCardDetector(), PiiKind.IP_ADDRESS, new IpAddressDetector(),
            PiiKind.PHONE, new PhoneDetector()));

    private final MaskingRules rules;
    private final SecretKeySpec key;
    private final List<Compiled> compiled = new ArrayList<>();

    private record Compiled(MaskingRule rule, PiiDetector detector, CustomPattern custom) {
        List<int[]> find(String text) {
            if (custom != null) {
                return custom.find(text);
            }
            return detector.find(text).stream().map(m -> new int[] {m.start(), m.end()}).toList();
        }
    }

    public TextMasker(MaskingRules rules, byte[] secret) {
        this.rules = rules;
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        for (MaskingRule rule : rules.rules()) {
            if (rule.action() == MaskAction.OFF) {
                continue;
            }
            if (rule.custom()) {
                compiled.add(new Compiled(rule, null, CustomPattern.of(rule.detector(), rule.pattern())));
            } else {
                PiiKind kind = MaskingRules.BUILT_IN.stream().filter(k -> k.wire().equals(rule.detector())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown detector " + rule.detector()));
                compiled.add(new Compiled(rule, DETECTORS.get(kind), null));
            }
        }
    }

    public MaskingRules rules() {
        return rules;
    }

    /** Whether nothing would ever change (every detector off, user ids kept). */
    public boolean inactive() {
        return rules.inactive();
    }

    /** Whether some rule applies to texts of {@code target}. */
    public boolean active(MaskTarget target) {
        return compiled.stream().anyMatch(c -> c.rule.appliesTo(target));
    }

    /**
     * What the rules for {@code target} match, without overlaps (the earlier rule wins), in text
     * order. A custom pattern over its step budget claims the whole text.
     */
    public List<MaskFinding> findings(String text, MaskTarget target) {
        return findings(text, target, false);
    }

    private List<MaskFinding> findings(String text, MaskTarget target, boolean asMask) {
        List<MaskFinding> kept = new ArrayList<>();
        for (Compiled c : compiled) {
            if (target != null && !c.rule.appliesTo(target)) {
                continue;
            }
            List<int[]> spans;
            try {
                spans = c.find(text);
            } catch (CustomPattern.BudgetExceeded e) {
                spans = List.of(new int[] {0, text.length()});
            }
            for (int[] s : spans) {
                if (kept.stream().noneMatch(k -> k.start() < s[1] && s[0] < k.end())) {
                    kept.add(new MaskFinding(c.rule.detector(), asMask ? MaskAction.MASK : c.rule.action(), s[0], s[1]));
                }
            }
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return kept;
    }

    /** {@code text} with the rules for {@code target} applied, or null when a {@code drop} rule matched. */
    public String mask(String text, MaskTarget target, MaskCounts counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<MaskFinding> found = findings(text, target);
        if (found.isEmpty()) {
            return text;
        }
        if (found.stream().anyMatch(f -> f.action() == MaskAction.DROP)) {
            found.stream().filter(f -> f.action() == MaskAction.DROP).findFirst()
                    .ifPresent(f -> counts.add(f.detector(), MaskAction.DROP));
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (MaskFinding f : found) {
            out.append(text, at, f.start()).append(replacement(f, text.substring(f.start(), f.end())));
            counts.add(f.detector(), f.action());
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * {@code text} with everything any active rule finds replaced by its label, whatever the
     * rule's target and action: for our own messages that quote a client's value (a rejected
     * item's error), which must not carry what the rules would have masked.
     */
    public String maskForMessage(String text) {
        if (text == null || compiled.isEmpty()) {
            return text;
        }
        List<MaskFinding> found = findings(text, null, true);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (MaskFinding f : found) {
            out.append(text, at, f.start()).append(label(f.detector()));
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** A user id replaced by its keyed hash ({@code uh_} and 16 hex digits) when the rules say so. */
    public String userId(String id) {
        return id == null || !rules.hashUserIds() ? id : "uh_" + hash("user:" + id);
    }

    private String replacement(MaskFinding f, String value) {
        return f.action() == MaskAction.HASH
                ? "[" + f.detector().toUpperCase(Locale.ROOT) + ":" + hash(value) + "]"
                : label(f.detector());
    }

    private static String label(String detector) {
        return "[" + detector.toUpperCase(Locale.ROOT) + "]";
    }

    /** The first 16 hex digits (64 bits) of HMAC-SHA256 under the workspace's secret. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
