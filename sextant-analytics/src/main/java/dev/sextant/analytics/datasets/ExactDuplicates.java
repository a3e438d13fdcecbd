package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * Records whose content equals an earlier record's: the same input, output, label and chat roles
 * (after trimming), and for CSV every column. Keeps one
 * 64-bit hash and the first line per distinct record ({@link LongLongMap}, about 32 bytes each).
 */
final class ExactDuplicates {
    private final LongLongMap firstLine = new LongLongMap();
    private final List<DatasetReport.DuplicatePair> examples = new ArrayList<>();
    private final int keep;
    private long total;

    ExactDuplicates(int keep) {
        this.keep = keep;
    }

    /** Whether this record repeats an earlier one. */
    boolean accept(DatasetRecord r) {
        StringBuilder key = new StringBuilder().append(r.shape()).append('\u0000');
        for (String part : new String[] {r.input(), r.output(), r.label()}) {
            key.append(part == null ? "\u0001" : part.strip()).append('\u0000');
        }
        key.append(String.join(",", r.roles().stream().map(String::valueOf).toList())).append('\u0000');
        if (r.shape() == DatasetFormat.CSV) {
            for (var e : r.fields().entrySet()) {
                key.append(e.getKey()).append('\u0000').append(e.getValue() == null ? "\u0001" : e.getValue().strip())
                        .append('\u0000');
            }
        }
        long hash = Hashes.of(key);
        long earlier = firstLine.get(hash, -1);
        if (earlier < 0) {
            firstLine.put(hash, r.line());
            return false;
        }
        total++;
        if (examples.size() < keep) {
            examples.add(new DatasetReport.DuplicatePair(r.line(), earlier));
        }
        return true;
    }

    long total() {
        return total;
    }

    DatasetReport.ExactDuplicates report() {
        return new DatasetReport.ExactDuplicates(total, List.copyOf(examples));
    }
}
