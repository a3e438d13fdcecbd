package dev.sextant.pii;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workspace's masking rules: one rule per built-in detector (in precedence order: keys, e-mail,
 * cards, IP addresses, phones), then its custom patterns, and whether user ids are replaced by a
 * keyed hash. Where two detectors claim overlapping text, the earlier one wins.
 */
public record MaskingRules(List<MaskingRule> rules, boolean hashUserIds) {
    public static final int MAX_CUSTOM = 20;
    /** The built-in detectors by wire name, in precedence order. */
    public static final List<PiiKind> BUILT_IN = List.of(PiiKind.API_KEY, PiiKind.EMAIL, PiiKind.PAYMENT_CARD,
            PiiKind.IP_ADDRESS, PiiKind.PHONE);

    public MaskingRules {
        rules = List.copyOf(rules);
    }

    /** Payment cards and API keys/tokens masked everywhere; the other detectors off; user ids kept. */
    public static MaskingRules defaults() {
        List<MaskingRule> rules = new ArrayList<>();
        for (PiiKind kind : BUILT_IN) {
            rules.add(defaultRule(kind));
        }
        return new MaskingRules(rules, false);
    }

    /** The default rule of a built-in detector. */
    public static MaskingRule defaultRule(PiiKind kind) {
        boolean on = kind == PiiKind.PAYMENT_CARD || kind == PiiKind.API_KEY;
        return new MaskingRule(kind.wire(), on ? MaskAction.MASK : MaskAction.OFF,
                on ? EnumSet.allOf(MaskTarget.class) : Set.of(), null);
    }

    /** Built-in rules by name (absent ones at their default) then the custom ones, in order. */
    public static MaskingRules of(Map<String, MaskingRule> builtIn, List<MaskingRule> custom, boolean hashUserIds) {
        Map<String, MaskingRule> all = new LinkedHashMap<>();
        for (PiiKind kind : BUILT_IN) {
            all.put(kind.wire(), builtIn.getOrDefault(kind.wire(), defaultRule(kind)));
        }
        List<MaskingRule> rules = new ArrayList<>(all.values());
        rules.addAll(custom);
        return new MaskingRules(rules, hashUserIds);
    }

    /** Whether nothing would ever change: every detector off and user ids kept (the fast path). */
    public boolean inactive() {
        return !hashUserIds && rules.stream().allMatch(r -> r.action() == MaskAction.OFF);
    }

    public boolean isDefault() {
        return equals(defaults());
    }
}
