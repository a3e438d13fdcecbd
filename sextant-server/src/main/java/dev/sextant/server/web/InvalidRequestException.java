package dev.sextant.server.web;

import java.util.List;

/** A request's parameters or body fields are wrong; answered 400 with every problem listed. */
public class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidRequestException of(FieldProblem problem) {
        return new InvalidRequestException(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one problem");
        }
        return problems.size() == 1
                ? problems.getFirst().message()
                : problems.size() + " problems: " + String.join("; ", problems.stream().map(FieldProblem::message).toList());
    }
}
