package dev.sextant.analytics.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static List<SpaceProblem> problems(HpoParameter... parameters) {
        List<SpaceProblem> problems = new ArrayList<>();
        SearchSpace.check(List.of(parameters), problems);
        return problems;
    }

    @Test
    void aValidSpaceHasNoProblems() {
        assertThat(problems(HpoParameter.floating("lr", 1e-5, 1e-1, true), HpoParameter.integer("epochs", 1, 10, false),
                HpoParameter.categorical("opt", List.of("adam", "sgd")))).isEmpty();
    }

    @Test
    void everyWrongBoundIsNamed() {
        assertThat(problems(HpoParameter.floating("lr", 0.1, 0.1, false))).extracting(SpaceProblem::message)
                .containsExactly("lr.low (0.1) must be below high (0.1)");
        assertThat(problems(HpoParameter.floating("lr", 0, 1, true))).extracting(SpaceProblem::message)
                .containsExactly("lr is on a log scale, so low must be above 0, was 0.0");
        assertThat(problems(HpoParameter.integer("e", 1, 5, false), new HpoParameter("b", HpoParameterType.INT, 1.5, 4.0,
                false, null))).extracting(SpaceProblem::message)
                .containsExactly("b is int: low and high must be whole numbers, were 1.5 and 4.0");
        assertThat(problems(HpoParameter.categorical("opt", List.of()))).extracting(SpaceProblem::message)
                .containsExactly("opt is categorical and needs 1 to 100 values, has 0");
        assertThat(problems(HpoParameter.categorical("opt", List.of("a", "a")))).extracting(SpaceProblem::attribute)
                .containsExactly("values");
        assertThat(problems(new HpoParameter("x", HpoParameterType.FLOAT, Double.NaN, 1.0, false, null)))
                .extracting(SpaceProblem::attribute).containsExactly("low");
        assertThat(problems(HpoParameter.floating("<script>", 0, 1, false))).extracting(SpaceProblem::message)
                .containsExactly("parameter name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-', starting with"
                        + " a letter or '_', was '<script>'");
    }

    @Test
    void atMost32Parameters() {
        List<HpoParameter> many = IntStream.range(0, 33).mapToObj(i -> HpoParameter.floating("p" + i, 0, 1, false)).toList();
        assertThatThrownBy(() -> SearchSpace.of(many)).isInstanceOf(InvalidSpaceException.class)
                .hasMessage("a search space has 1 to 32 parameters, this one has 33");
        assertThat(SearchSpace.of(many.subList(0, 32)).size()).isEqualTo(32);
    }

    @Test
    void valuesOutsideTheSpaceAreEachNamed() {
        SearchSpace space = SearchSpace.of(List.of(HpoParameter.floating("lr", 1e-5, 1e-1, true),
                HpoParameter.integer("epochs", 1, 10, false), HpoParameter.categorical("opt", List.of("adam", "sgd")),
                HpoParameter.categorical("batch", List.of(16, 32))));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("lr", 0.5);
        bad.put("epochs", 2.5);
        bad.put("opt", "rmsprop");
        bad.put("extra", 1);
        List<SpaceProblem> problems = new ArrayList<>();
        space.check(bad, problems);
        assertThat(problems).extracting(SpaceProblem::message).containsExactly("lr must be between 1.0E-5 and 0.1, was 0.5",
                "epochs is int: it must be a whole number, was 2.5", "opt must be one of [adam, sgd], was rmsprop",
                "batch is missing; every parameter of the search space needs a value",
                "'extra' is not a parameter of the search space (lr, epochs, opt, batch)");
        List<SpaceProblem> none = new ArrayList<>();
        Map<String, Object> good = space.check(Map.of("lr", 1e-3, "epochs", 3.0, "opt", "sgd", "batch", 32.0), none);
        assertThat(none).isEmpty();
        assertThat(good).containsEntry("epochs", 3L).containsEntry("batch", 32L);
    }

    @Test
    void unitCoordinatesRoundTrip() {
        SearchSpace space = SearchSpace.of(List.of(HpoParameter.floating("lr", 1e-5, 1e-1, true),
                HpoParameter.integer("epochs", 1, 11, false), HpoParameter.categorical("opt", List.of("a", "b", "c", "d"))));
        Map<String, Object> v = space.fromUnit(new double[] {0.5, 0.5, 0.6});
        assertThat((double) v.get("lr")).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(v.get("epochs")).isEqualTo(6L);
        assertThat(v.get("opt")).isEqualTo("c");
        assertThat(space.toUnit(v)).containsExactly(0.5, 0.5, 0.625);
    }
}
