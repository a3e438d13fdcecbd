package dev.sextant.store.learnings;

import java.time.LocalDate;
import java.util.Objects;

/** A learning's applications on one UTC day, by the outcome that counts. */
public record OutcomeTally(LocalDate day, long successes, long failures, long pending) {

    public OutcomeTally {
        Objects.requireNonNull(day, "day");
        if (successes < 0 || failures < 0 || pending < 0) {
            throw new IllegalArgumentException("counts must not be negative on " + day);
        }
    }
}
