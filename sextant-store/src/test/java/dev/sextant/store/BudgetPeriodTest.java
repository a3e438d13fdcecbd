package dev.sextant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {
    /** Sunday 2026-11-01, one second before midnight UTC (already Monday in Asia). */
    private static final Instant SUNDAY_LATE = Instant.parse("2026-11-01T23:59:59Z");

    @Test
    void periodsAreCalendarPeriodsInUtc() {
        assertThat(BudgetPeriod.DAY.firstDay(SUNDAY_LATE)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(BudgetPeriod.WEEK.firstDay(SUNDAY_LATE)).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(BudgetPeriod.WEEK.firstDay(Instant.parse("2026-11-02T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(BudgetPeriod.MONTH.firstDay(SUNDAY_LATE)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(BudgetPeriod.MONTH.endDay(LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(BudgetPeriod.WEEK.endDay(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(BudgetPeriod.startOf(LocalDate.of(2026, 11, 1))).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThatThrownBy(() -> BudgetPeriod.fromWire("year")).hasMessage("period must be one of day, week, month, was 'year'");
    }

    @Test
    void scopesReadAndWriteTheirWireForm() {
        assertThat(SpendScope.fromWire("workspace")).isEqualTo(SpendScope.WORKSPACE);
        assertThat(SpendScope.fromWire("agent:support-bot")).isEqualTo(SpendScope.agent("support-bot"));
        assertThat(SpendScope.fromWire("model:models/gemini-1.5:flash").value()).isEqualTo("models/gemini-1.5:flash");
        assertThat(SpendScope.model("gpt-4o").wire()).isEqualTo("model:gpt-4o");
        assertThatThrownBy(() -> SpendScope.fromWire("team:ops")).hasMessageContaining("was 'team:ops'");
        assertThatThrownBy(() -> SpendScope.fromWire("agent:")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SpendScope.fromWire(null)).hasMessageContaining("scope is required");
    }

    @Test
    void aScopeCoversTheCallsItSpendsFor() {
        assertThat(SpendScope.WORKSPACE.covers(null, null)).isTrue();
        assertThat(SpendScope.agent("a").covers("a", "m")).isTrue();
        assertThat(SpendScope.agent("a").covers(null, "m")).isFalse();
        assertThat(SpendScope.model("m").covers("a", "m")).isTrue();
        assertThat(SpendScope.model("m").covers("a", "M")).isFalse();
    }
}
