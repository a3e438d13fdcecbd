package dev.sextant.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomPatternTest {

    @Test
    void aPlainPatternIsAccepted() {
        assertThat(CustomPattern.problem("ORD-\\d{6}")).isEmpty();
        assertThat(CustomPattern.of("order", "ORD-\\d{6}").find("ORD-123456 and ORD-1")).hasSize(1);
    }

    @Test
    void anInvalidPatternIsRefusedWithItsPosition() {
        assertThat(CustomPattern.problem("abc(def")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("invalid regular expression at position 7: Unclosed group"));
        assertThat(CustomPattern.problem("a[b")).hasValueSatisfying(p -> assertThat(p).contains("position 2"));
    }

    @Test
    void riskyConstructsAreRefused() {
        assertThat(CustomPattern.problem("(a+)+$")).hasValueSatisfying(p -> assertThat(p).contains("quantified group"));
        assertThat(CustomPattern.problem("(\\w*x)*y")).hasValueSatisfying(p -> assertThat(p).contains("quantified group"));
        assertThat(CustomPattern.problem("(a)\\1")).hasValueSatisfying(p -> assertThat(p).contains("back-references"));
        assertThat(CustomPattern.problem("x".repeat(257))).hasValueSatisfying(p -> assertThat(p).contains("over the limit of 256"));
        assertThat(CustomPattern.problem("a*")).hasValueSatisfying(p -> assertThat(p).contains("empty text"));
        assertThat(CustomPattern.problem("")).contains("the pattern is empty");
    }

    @Test
    void aSlowPatternThatPassesTheStaticChecksIsCaughtByTheBudget() {
        // adjacent overlapping repetitions: polynomial of high degree, no nested quantifier to spot
        assertThat(CustomPattern.problem("\\w*\\w*\\w*\\w*!x")).hasValueSatisfying(p -> assertThat(p)
                .contains("needs more than"));
    }

    @Test
    void atRunTimeTheBudgetStopsTheMatch() {
        CustomPattern p = CustomPattern.of("words", "\\w+@");
        assertThat(p.find("a".repeat(100) + "@")).hasSize(1);
        assertThatThrownBy(() -> p.find("a".repeat(20_000))).isInstanceOf(CustomPattern.BudgetExceeded.class);
    }

    @Test
    void namesAreCheckedAndBuiltInsReserved() {
        assertThat(CustomPattern.nameProblem("order_ref")).isEmpty();
        assertThat(CustomPattern.nameProblem("Order")).isPresent();
        assertThat(CustomPattern.nameProblem("email")).hasValueSatisfying(p -> assertThat(p).contains("built-in"));
    }
}
