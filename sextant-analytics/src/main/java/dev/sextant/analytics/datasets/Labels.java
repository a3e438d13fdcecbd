package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class balance and label quality of labelled records. Counts at most {@code maxLabels} distinct
 * labels one by one (more looks like free text, not classes; the rest are counted as truncated).
 * Label conflicts: the same normalised input seen with a different label; per distinct input one
 * 64-bit hash of it, its first label's hash and first line.
 */
final class Labels {
    private static final long CONFLICTED = Long.MIN_VALUE;
    private final int maxLabels;
    private final int keep;
    private final Map<String, Long> counts = new TreeMap<>();
    private final LongLongMap labelOfInput = new LongLongMap();
    private final LongLongMap firstLineOfInput = new LongLongMap();
    private final List<DatasetReport.LabelConflict> examples = new ArrayList<>();
    private long labelled;
    private long overflow;
    private long conflictingInputs;
    private long recordsAffected;

    Labels(int maxLabels, int keep) {
        this.maxLabels = maxLabels;
        this.keep = keep;
    }

    static String key(String label) {
        String s = label.strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    void accept(long line, String input, String label) {
        String key = key(label);
        labelled++;
        if (counts.containsKey(key) || counts.size() < maxLabels) {
            counts.merge(key, 1L, Long::sum);
        } else {
            overflow++;
        }
        long inputHash = Hashes.of(Words.normalized(input));
        long labelHash = Hashes.of(key) | 1L; // never CONFLICTED (odd)
        long seen = labelOfInput.get(inputHash, 0);
        if (seen == 0) {
            labelOfInput.put(inputHash, labelHash);
            firstLineOfInput.put(inputHash, line);
        } else if (seen != labelHash) {
            if (seen != CONFLICTED) {
                conflictingInputs++;
                recordsAffected++; // the first record of this input counts too
                labelOfInput.put(inputHash, CONFLICTED);
            }
            recordsAffected++;
            if (examples.size() < keep) {
                examples.add(new DatasetReport.LabelConflict(line, firstLineOfInput.get(inputHash, -1)));
            }
        }
    }

    long labelled() {
        return labelled;
    }

    long recordsAffected() {
        return recordsAffected;
    }

    Map<String, Long> counts() {
        return counts;
    }

    DatasetReport.LabelQuality quality() {
        return new DatasetReport.LabelQuality(conflictingInputs, recordsAffected, List.copyOf(examples));
    }

    /** Null when no record has a label. */
    DatasetReport.ClassBalance balance() {
        if (labelled == 0) {
            return null;
        }
        List<DatasetReport.LabelCount> list = shares(counts, labelled);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return new DatasetReport.ClassBalance(list, counts.size(), overflow > 0,
                min == 0 ? 0 : Rounding.round4((double) max / min), normalizedEntropy(counts.values()));
    }

    static List<DatasetReport.LabelCount> shares(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new DatasetReport.LabelCount(e.getKey(), e.getValue(), Rounding.round4((double) e.getValue() / total)))
                .toList();
    }

    /** Shannon entropy over log(k): 1 when every class is equally common, 0 with one class (or none). */
    static double normalizedEntropy(Iterable<Long> classCounts) {
        long total = 0;
        int k = 0;
        for (long c : classCounts) {
            total += c;
            k++;
        }
        if (k < 2 || total == 0) {
            return 0;
        }
        double h = 0;
        for (long c : classCounts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return Rounding.round4(h / Math.log(k));
    }
}
