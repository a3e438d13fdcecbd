package dev.sextant.analytics.datasets;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token counts per record (o200k_base, the GPT-4o encoding) and their distribution, kept as a
 * histogram of exact counts: memory grows with the number of distinct lengths, not records.
 * Percentiles are nearest-rank.
 */
final class TokenLengths {
    static final EncodingType TYPE = EncodingType.O200K_BASE;
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(TYPE);
    private final TreeMap<Integer, Long> histogram = new TreeMap<>();
    private long records;
    private long sum;

    static int count(String text) {
        return text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    void accept(int tokens) {
        histogram.merge(tokens, 1L, Long::sum);
        records++;
        sum += tokens;
    }

    DatasetReport.TokenLengths report() {
        if (records == 0) {
            return new DatasetReport.TokenLengths(TYPE.getName(), 0, null, null, null, null, null, null);
        }
        return new DatasetReport.TokenLengths(TYPE.getName(), records, histogram.firstKey(), rank(0.5), rank(0.9),
                rank(0.99), histogram.lastKey(), Rounding.round4((double) sum / records));
    }

    private int rank(double q) {
        long target = Math.max(1, (long) Math.ceil(q * records));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= target) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }
}
