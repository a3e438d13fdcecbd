package dev.sextant.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextMaskerTest {
    private static final byte[] SECRET = "workspace-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Set<MaskTarget> ALL = EnumSet.allOf(MaskTarget.class);

    @Test
    void defaultsMaskCardsAndKeysOnly() {
        TextMasker masker = new TextMasker(MaskingRules.defaults(), SECRET);
        MaskCounts counts = new MaskCounts();
        String out = masker.mask("card 4111 1111 1111 1111, key sk-abcdefghijklmnopqrstuvwxyz012345, mail jane@example.com",
                MaskTarget.INPUTS, counts);
        assertThat(out).isEqualTo("card [PAYMENT_CARD], key [API_KEY], mail jane@example.com");
        assertThat(counts.asMap()).containsOnly(Map.entry(new MaskCounts.Key("payment_card", MaskAction.MASK), 1L),
                Map.entry(new MaskCounts.Key("api_key", MaskAction.MASK), 1L));
    }

    @Test
    void hashIsKeyedShortAndStable() {
        MaskingRules rules = MaskingRules.of(Map.of("email", new MaskingRule("email", MaskAction.HASH, ALL, null)), List.of(), true);
        TextMasker one = new TextMasker(rules, SECRET);
        String a = one.mask("from jane@example.com", MaskTarget.OUTPUTS, new MaskCounts());
        String b = one.mask("again jane@example.com", MaskTarget.OUTPUTS, new MaskCounts());
        assertThat(a).matches("from \\[EMAIL:[0-9a-f]{16}\\]");
        assertThat(b.substring(6)).isEqualTo(a.substring(5));
        TextMasker otherSecret = new TextMasker(rules, "another-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(otherSecret.mask("from jane@example.com", MaskTarget.OUTPUTS, new MaskCounts())).isNotEqualTo(a);
        assertThat(one.userId("u-4")).matches("uh_[0-9a-f]{16}").isEqualTo(one.userId("u-4")).isNotEqualTo(one.userId("u-5"));
    }

    @Test
    void dropRemovesTheWholeValueAndTargetsAreRespected() {
        MaskingRules rules = MaskingRules.of(Map.of("phone", new MaskingRule("phone", MaskAction.DROP, Set.of(MaskTarget.OUTPUTS), null)),
                List.of(), false);
        TextMasker masker = new TextMasker(rules, SECRET);
        MaskCounts counts = new MaskCounts();
        assertThat(masker.mask("call +44 20 7946 0958", MaskTarget.OUTPUTS, counts)).isNull();
        assertThat(masker.mask("call +44 20 7946 0958", MaskTarget.INPUTS, counts)).isEqualTo("call +44 20 7946 0958");
        assertThat(counts.asMap()).containsOnly(Map.entry(new MaskCounts.Key("phone", MaskAction.DROP), 1L));
    }

    @Test
    void customPatternsMaskAndAnOverBudgetValueIsReplacedWhole() {
        MaskingRule order = new MaskingRule("order_ref", MaskAction.MASK, ALL, "ORD-\\d{6}");
        MaskingRule slow = new MaskingRule("slow", MaskAction.MASK, Set.of(MaskTarget.ATTRIBUTES), "\\w+@");
        TextMasker masker = new TextMasker(MaskingRules.of(Map.of(), List.of(order, slow), false), SECRET);
        assertThat(masker.mask("see ORD-123456", MaskTarget.INPUTS, new MaskCounts())).isEqualTo("see [ORDER_REF]");
        assertThat(masker.mask("a".repeat(20_000), MaskTarget.ATTRIBUTES, new MaskCounts())).isEqualTo("[SLOW]");
    }

    @Test
    void messagesAreMaskedWhateverTheTarget() {
        MaskingRules rules = MaskingRules.of(Map.of("email", new MaskingRule("email", MaskAction.HASH, Set.of(MaskTarget.INPUTS), null)),
                List.of(), false);
        TextMasker masker = new TextMasker(rules, SECRET);
        assertThat(masker.maskForMessage("started_at must be a timestamp, was \"jane@example.com 4111111111111111\""))
                .isEqualTo("started_at must be a timestamp, was \"[EMAIL] [PAYMENT_CARD]\"");
    }

    @Test
    void allOffIsInactive() {
        List<MaskingRule> off = MaskingRules.BUILT_IN.stream().map(k -> new MaskingRule(k.wire(), MaskAction.OFF, Set.of(), null)).toList();
        MaskingRules rules = new MaskingRules(off, false);
        assertThat(rules.inactive()).isTrue();
        assertThat(MaskingRules.defaults().inactive()).isFalse();
        assertThat(MaskingRules.defaults().isDefault()).isTrue();
    }
}
