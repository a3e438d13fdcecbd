package dev.sextant.analytics.hpo;

import java.util.List;

/** A search space (or hyperparameter values) that is not valid, with every problem found. */
public class InvalidSpaceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpaceProblem> problems;

    public InvalidSpaceException(List<SpaceProblem> problems) {
        super(String.join("; ", problems.stream().map(SpaceProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<SpaceProblem> problems() {
        return problems;
    }
}
