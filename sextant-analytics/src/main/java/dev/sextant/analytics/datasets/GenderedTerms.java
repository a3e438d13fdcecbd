package dev.sextant.analytics.datasets;

import java.util.List;
import java.util.Set;

/**
 * A deliberately simple representation signal: how many records mention only female terms and
 * how many only male terms, from a short fixed English word list. A strong skew (one side three
 * times the other, at least 20 such records) is worth a look when the model will talk about or
 * to people; it proves nothing by itself, and says nothing for other languages.
 */
final class GenderedTerms {
    static final Set<String> FEMALE = Set.of("she", "her", "hers", "herself", "woman", "women", "girl", "girls",
            "female", "mother", "daughter", "sister", "wife", "mrs", "ms", "lady", "ladies");
    static final Set<String> MALE = Set.of("he", "him", "his", "himself", "man", "men", "boy", "boys", "male",
            "father", "son", "brother", "husband", "mr", "gentleman", "gentlemen");
    private long femaleOnly;
    private long maleOnly;
    private long both;

    void accept(List<String> words) {
        boolean f = false;
        boolean m = false;
        for (String w : words) {
            f |= FEMALE.contains(w);
            m |= MALE.contains(w);
        }
        if (f && m) {
            both++;
        } else if (f) {
            femaleOnly++;
        } else if (m) {
            maleOnly++;
        }
    }

    DatasetReport.GenderedTerms report() {
        long one = femaleOnly + maleOnly;
        Double ratio = one == 0 ? null : Rounding.round4((double) Math.max(femaleOnly, maleOnly) / Math.max(1, Math.min(femaleOnly, maleOnly)));
        boolean flagged = one >= 20 && ratio != null && ratio >= 3;
        String note = flagged
                ? (femaleOnly > maleOnly ? "female" : "male") + "-only mentions outnumber the other "
                        + ratio + " to 1; check whether that reflects the task or a skew in how the data was collected"
                : "no strong skew between records mentioning only female or only male terms (English word list)";
        return new DatasetReport.GenderedTerms(femaleOnly, maleOnly, both, ratio, flagged, note);
    }
}
