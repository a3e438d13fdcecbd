package dev.sextant.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParamsTest {

    private static Map<String, String[]> query(String... nameValue) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            String name = nameValue[i];
            String[] old = map.get(name);
            String[] values = old == null ? new String[] {nameValue[i + 1]} : append(old, nameValue[i + 1]);
            map.put(name, values);
        }
        return map;
    }

    private static String[] append(String[] values, String value) {
        String[] more = java.util.Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    /** The problems {@code p} collected, as "parameter: message". */
    private static List<String> problems(QueryParams p) {
        try {
            p.done();
            return List.of();
        } catch (InvalidRequestException e) {
            return e.problems().stream().map(f -> f.parameter() + ": " + f.message()).toList();
        }
    }

    @Test
    void rightValuesAreRead() {
        QueryParams p = QueryParams.of(query("from", "2026-11-01T12:00:00+02:00", "limit", "7", "agent_id", "bot",
                "x", "0.25", "kind", "week", "usd", "2.50", "n", "-3"), "from", "limit", "agent_id", "x", "kind", "usd", "n",
                "absent");
        assertThat(p.time("from")).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(p.whole("limit", 1, 10)).isEqualTo(7);
        assertThat(p.text("agent_id")).isEqualTo("bot");
        assertThat(p.number("x")).isEqualTo(0.25);
        assertThat(p.choice("kind", List.of("day", "week"))).isEqualTo("week");
        assertThat(p.money("usd")).isEqualByComparingTo(new BigDecimal("2.50"));
        assertThat(p.whole("n")).isEqualTo(-3);
        assertThat(p.text("absent")).isNull();
        assertThat(p.whole("absent", 1, 10, 5)).isEqualTo(5);
        assertThat(p.has("absent")).isFalse();
        assertThat(p.hasProblems()).isFalse();
        p.done();
    }

    @Test
    void unknownParametersAreNamedSortedWithTheKnownOnes() {
        QueryParams p = QueryParams.of(query("zeta", "1", "agentId", "x", "from", "2026-11-01T00:00:00Z"), "from", "agent_id");
        assertThat(problems(p)).containsExactly(
                "agentId: unknown parameter 'agentId'; known: agent_id, from",
                "zeta: unknown parameter 'zeta'; known: agent_id, from");
    }

    @Test
    void anEndpointWithoutParametersSaysSo() {
        assertThatThrownBy(() -> QueryParams.none(query("verbose", "1")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown parameter 'verbose'; this endpoint takes none");
        QueryParams.none(Map.of());
    }

    @Test
    void repeatedParametersAreRefused() {
        QueryParams p = QueryParams.of(query("limit", "1", "limit", "2", "limit", "3"), "limit");
        assertThat(p.whole("limit", 1, 10)).isNull();
        assertThat(problems(p)).containsExactly("limit: limit was given 3 times; give it once");
    }

    @Test
    void malformedTextIsRefused() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "agent_id is empty; give it a value or leave it out");
        cases.put("   ", "agent_id is empty; give it a value or leave it out");
        cases.put("a\u0000b", "agent_id contains a control character (U+0000); remove it");
        cases.put("a\nb", "agent_id contains a control character (U+000A); remove it");
        cases.put("\u001b[31m", "agent_id contains a control character (U+001B); remove it");
        cases.forEach((value, message) -> {
            QueryParams p = QueryParams.of(Map.of("agent_id", new String[] {value}), "agent_id");
            assertThat(p.text("agent_id")).as(value).isNull();
            assertThat(problems(p)).as(value).containsExactly("agent_id: " + message);
        });
    }

    @Test
    void oversizeValuesAreRefusedAndNotEchoed() {
        String huge = "<script>" + "x".repeat(10_000);
        QueryParams p = QueryParams.of(Map.of("agent_id", new String[] {huge}, "cursor", new String[] {"c".repeat(300)}),
                "agent_id", "cursor");
        assertThat(p.text("agent_id")).isNull();
        assertThat(p.text("cursor", 3000)).hasSize(300);
        assertThat(problems(p)).containsExactly("agent_id: agent_id is 10008 characters, over the limit of 256");
    }

    @Test
    void aHostileUnknownNameIsShownShortAndPrintable() {
        String name = "<img src=x onerror=alert(1)>\u0000\n" + "y".repeat(500);
        List<String> found = problems(QueryParams.of(Map.of(name, new String[] {"1"})));
        String shown = QueryParams.shown(name);
        assertThat(shown).hasSize(QueryParams.ECHO + 3).endsWith("...").doesNotContain("\u0000", "\n");
        assertThat(found).containsExactly(shown + ": unknown parameter '" + shown + "'; this endpoint takes none");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "from | yesterday | from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'",
            "from | 2026-11-01T10:00:00 | from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was '2026-11-01T10:00:00'",
            "from | 2026-13-01T00:00:00Z | from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was '2026-13-01T00:00:00Z'",
            "limit | ten | limit must be a whole number between 1 and 200, was 'ten'",
            "limit | 0 | limit must be a whole number between 1 and 200, was '0'",
            "limit | 201 | limit must be a whole number between 1 and 200, was '201'",
            "limit | 2.5 | limit must be a whole number between 1 and 200, was '2.5'",
            "limit | 99999999999999999999 | limit must be a whole number between 1 and 200, was '99999999999999999999'",
            "limit | 0x10 | limit must be a whole number between 1 and 200, was '0x10'",
            "n | 1e3 | n must be a whole number, was '1e3'",
            "n | 2147483648 | n must be a whole number, was '2147483648'",
            "x | NaN | x must be a number, was 'NaN'",
            "x | Infinity | x must be a number, was 'Infinity'",
            "x | 1e999 | x must be a number, was '1e999'",
            "x | 0x1p3 | x must be a number, was '0x1p3'",
            "x | 1d | x must be a number, was '1d'",
            "kind | month | kind must be one of day, week, was 'month'",
            "kind | DAY | kind must be one of day, week, was 'DAY'",
            "usd | -1 | usd must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point and 9 after), was '-1'",
            "usd | 1e3 | usd must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point and 9 after), was '1e3'",
            "usd | 0.0000000001 | usd must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point and 9 after), was '0.0000000001'"})
    void wrongTypesAreRefusedNamingTheParameterAndValue(String name, String value, String message) {
        QueryParams p = QueryParams.of(Map.of(name, new String[] {value}), name);
        Object read = switch (name) {
            case "from" -> p.time(name);
            case "limit" -> p.whole(name, 1, 200);
            case "n" -> p.whole(name);
            case "x" -> p.number(name);
            case "kind" -> p.choice(name, List.of("day", "week"));
            case "usd" -> p.money(name);
            default -> throw new IllegalArgumentException(name);
        };
        assertThat(read).isNull();
        assertThat(problems(p)).containsExactly(name + ": " + message);
    }

    @Test
    void aLongWrongValueIsEchoedShortened() {
        String value = "z".repeat(200);
        QueryParams p = QueryParams.of(Map.of("from", new String[] {value}), "from");
        p.time("from");
        assertThat(problems(p)).containsExactly("from: from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z,"
                + " was '" + "z".repeat(QueryParams.ECHO) + "...'");
    }

    @Test
    void aWrongValueFallsBackAndIsStillAProblem() {
        QueryParams p = QueryParams.of(Map.of("page", new String[] {"zero"}), "page");
        assertThat(p.whole("page", 1, 1_000_000, 1)).isEqualTo(1);
        assertThat(problems(p)).containsExactly("page: page must be a whole number between 1 and 1000000, was 'zero'");
    }

    @Test
    void requiredAndCustomParsesAndProblems() {
        QueryParams p = QueryParams.of(Map.of("estimate", new String[] {"abc"}, "days", new String[] {"3"}),
                "a", "estimate", "days");
        assertThat(p.required("a")).isNull();
        assertThat(p.<BigDecimal>value("estimate", BigDecimal::new, "a decimal number of USD, e.g. 0.0125")).isNull();
        assertThat(p.<Integer>value("days", Integer::valueOf, "a whole number")).isEqualTo(3);
        p.problem("days", "days must not be 3 here");
        assertThat(problems(p)).containsExactly(
                "a: a is required",
                "estimate: estimate must be a decimal number of USD, e.g. 0.0125, was 'abc'",
                "days: days must not be 3 here");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        QueryParams p = QueryParams.of(query("from", "soon", "limit", "x", "colour", "red"), "from", "limit");
        p.time("from");
        p.whole("limit", 1, 10);
        assertThatThrownBy(p::done).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("3 problems: unknown parameter 'colour'");
    }

    @Test
    void aRepeatableParameterGivesEveryRightValueUpToItsLimit() {
        QueryParams p = QueryParams.of(query("name", "loss", "name", "", "name", "acc\u0007"), "name");
        assertThat(p.all("name", 5)).containsExactly("loss");
        assertThat(problems(p)).containsExactly("name: name is empty; give it a value or leave it out",
                "name: name contains a control character (U+0007); remove it");
        QueryParams many = QueryParams.of(query("name", "a", "name", "b", "name", "c"), "name");
        assertThat(many.all("name", 2)).isEmpty();
        assertThat(problems(many)).containsExactly("name: name was given 3 times, at most 2");
        assertThat(QueryParams.of(Map.of()).all("name", 2)).isEmpty();
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        QueryParams p = QueryParams.of(query("a", "true", "b", "false", "c", "yes", "d", "TRUE"), "a", "b", "c", "d", "e");
        assertThat(p.flag("a")).isTrue();
        assertThat(p.flag("b")).isFalse();
        assertThat(p.flag("c")).isFalse();
        assertThat(p.flag("d")).isFalse();
        assertThat(p.flag("e")).isFalse();
        assertThat(problems(p)).containsExactly("c: c must be true or false, was 'yes'", "d: d must be true or false, was 'TRUE'");
    }

    @Test
    void longWholeNumbersKeepTheirBounds() {
        QueryParams p = QueryParams.of(query("step", "9223372036854775807", "to", "9223372036854775808", "from", "-1"),
                "step", "to", "from");
        assertThat(p.wholeLong("step", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(p.wholeLong("to", 0, Long.MAX_VALUE)).isNull();
        assertThat(p.wholeLong("from", 0, Long.MAX_VALUE)).isNull();
        assertThat(problems(p)).containsExactly(
                "to: to must be a whole number between 0 and 9223372036854775807, was '9223372036854775808'",
                "from: from must be a whole number between 0 and 9223372036854775807, was '-1'");
    }

    @Test
    void anEndpointMayRaiseTheDefaultLengthLimit() {
        String value = "v".repeat(500);
        QueryParams p = QueryParams.of(Map.of("name", new String[] {value}), "name").withMaxLength(512);
        assertThat(p.text("name")).isEqualTo(value);
        assertThat(p.text("name", 300)).isNull();
        assertThat(problems(p)).containsExactly("name: name is 500 characters, over the limit of 300");
    }
}
