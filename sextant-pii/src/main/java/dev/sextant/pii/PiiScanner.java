package dev.sextant.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All detectors over one text. Where two detectors claim overlapping spans (a card number that
 * also looks like a phone number), the earlier-listed detector wins: cards and keys before phones,
 * so a masker replaces each span once.
 */
public final class PiiScanner {
    private final List<PiiDetector> detectors;

    public PiiScanner(List<PiiDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Every detector, in precedence order. */
    public static PiiScanner standard() {
        return new PiiScanner(List.of(new ApiKeyDetector(), new EmailDetector(), new PaymentCardDetector(),
                new IpAddressDetector(), new PhoneDetector()));
    }

    /** Non-overlapping matches in text order. */
    public List<PiiMatch> scan(CharSequence text) {
        List<PiiMatch> kept = new ArrayList<>();
        for (PiiDetector detector : detectors) {
            for (PiiMatch m : detector.find(text)) {
                if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
                    kept.add(m);
                }
            }
        }
        kept.sort(Comparator.comparingInt(PiiMatch::start));
        return kept;
    }
}
