package dev.sextant.analytics.datasets;

import dev.sextant.pii.PiiKind;
import dev.sextant.pii.PiiMatch;
import dev.sextant.pii.PiiScanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Matches and records per PII kind, with the first line numbers; never the matched text. */
final class PiiCounts {
    private final PiiScanner scanner = PiiScanner.standard();
    private final Map<PiiKind, long[]> counts = new EnumMap<>(PiiKind.class);
    private final Map<PiiKind, List<Long>> lines = new EnumMap<>(PiiKind.class);
    private final LineExamples records;
    private final int keep;

    PiiCounts(int keep) {
        this.keep = keep;
        this.records = new LineExamples(keep);
    }

    /** Whether the text holds any PII. */
    boolean accept(long line, String text) {
        List<PiiMatch> matches = scanner.scan(text);
        if (matches.isEmpty()) {
            return false;
        }
        records.add(line);
        EnumMap<PiiKind, Integer> here = new EnumMap<>(PiiKind.class);
        for (PiiMatch m : matches) {
            here.merge(m.kind(), 1, Integer::sum);
        }
        here.forEach((kind, n) -> {
            long[] c = counts.computeIfAbsent(kind, k -> new long[2]);
            c[0] += n;
            c[1]++;
            List<Long> l = lines.computeIfAbsent(kind, k -> new ArrayList<>());
            if (l.size() < keep) {
                l.add(line);
            }
        });
        return true;
    }

    long records() {
        return records.total();
    }

    DatasetReport.Pii report() {
        List<DatasetReport.PiiKindCount> kinds = new ArrayList<>();
        for (PiiKind kind : PiiKind.values()) {
            long[] c = counts.get(kind);
            if (c != null) {
                kinds.add(new DatasetReport.PiiKindCount(kind.wire(), c[0], c[1], List.copyOf(lines.get(kind))));
            }
        }
        return new DatasetReport.Pii(records.total(), kinds);
    }

    List<Long> recordLines() {
        return records.report().lines();
    }
}
