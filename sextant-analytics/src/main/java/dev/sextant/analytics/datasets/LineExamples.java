package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;

/** A count of records with some property and the first few of their line numbers. */
final class LineExamples {
    private final int keep;
    private final List<Long> lines = new ArrayList<>();
    private long total;

    LineExamples(int keep) {
        this.keep = keep;
    }

    void add(long line) {
        total++;
        if (lines.size() < keep) {
            lines.add(line);
        }
    }

    long total() {
        return total;
    }

    DatasetReport.Lines report() {
        return new DatasetReport.Lines(total, List.copyOf(lines));
    }
}
