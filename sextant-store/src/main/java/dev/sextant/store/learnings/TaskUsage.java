package dev.sextant.store.learnings;

import java.util.Objects;

/**
 * The traces of one task type that used one tool (a {@code tool} span naming it) or one model (an
 * {@code llm} span naming it), and how many of them succeeded (status not error).
 */
public record TaskUsage(String taskType, Kind kind, String name, long traces, long successes) {

    public enum Kind {
        TOOL, MODEL
    }

    public TaskUsage {
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (traces < 1 || successes < 0 || successes > traces) {
            throw new IllegalArgumentException("need 0 <= successes <= traces and traces >= 1 for " + kind + " " + name
                    + " in task " + taskType);
        }
    }
}
