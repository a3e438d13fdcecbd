package dev.sextant.analytics.context.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextTransactionsTest {

    @Test
    void categoricalValuesAreTypeEqualsValue() {
        List<Transaction> t = ContextTransactions.of(List.of(new ContextRecord(
                Map.of("files_open", List.of("a.java", "b.java"), "branch", List.of("main")), Map.of(), true)));

        assertThat(t.getFirst().items()).containsExactlyInAnyOrder("files_open=a.java", "files_open=b.java",
                "branch=main");
        assertThat(t.getFirst().success()).isTrue();
    }

    @Test
    void numbersFallInQuartileBinsOfTheData() {
        List<ContextRecord> records = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            records.add(new ContextRecord(Map.of(), Map.of("history_length", (double) v), false));
        }
        records.add(new ContextRecord(Map.of(), Map.of(), false));

        List<Transaction> t = ContextTransactions.of(records);

        // 20 values 0..19: cut points at ranks 5, 10, 15
        assertThat(t.get(0).items()).containsExactly("history_length∈[0,5)");
        assertThat(t.get(4).items()).containsExactly("history_length∈[0,5)");
        assertThat(t.get(5).items()).containsExactly("history_length∈[5,10)");
        assertThat(t.get(14).items()).containsExactly("history_length∈[10,15)");
        assertThat(t.get(15).items()).containsExactly("history_length∈[15,19]");
        assertThat(t.get(19).items()).containsExactly("history_length∈[15,19]");
        assertThat(t.get(20).items()).isEmpty();
    }

    @Test
    void repeatedValuesMergeBinsAndOneValueIsItsOwnBin() {
        List<ContextRecord> records = new ArrayList<>();
        for (double v : new double[] {1, 1, 1, 1, 1, 1, 2.5, 7.25}) {
            records.add(new ContextRecord(Map.of(), Map.of("latency", v, "retries", 3.0), true));
        }

        List<Transaction> t = ContextTransactions.of(records);

        // ranks 2, 4, 6 of the sorted values are 1, 1, 2.5: one cut point above the minimum
        assertThat(t.get(0).items()).isEqualTo(Set.of("latency∈[1,2.5)", "retries∈[3,3]"));
        assertThat(t.get(6).items()).contains("latency∈[2.5,7.25]");
        assertThat(t.get(7).items()).contains("latency∈[2.5,7.25]");
    }
}
