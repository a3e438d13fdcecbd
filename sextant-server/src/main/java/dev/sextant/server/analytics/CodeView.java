package dev.sextant.server.analytics;

import dev.sextant.store.CodeGenerationStats;
import dev.sextant.store.CodeGenerationStats.Distribution;
import java.time.Instant;
import java.util.List;

/**
 * Code generation as the API answers it: overall, by generation type and by language. Rates are
 * null where nothing was judged (or accepted); {@code insufficient_data} says so with the counts.
 */
record CodeView(Instant dataAsOf, FiguresView overall, List<FiguresView> byGenerationType,
        List<FiguresView> byLanguage, String insufficientData) {

    record FiguresView(String key, long generations, long judged, long accepted, long rejected, long modified,
            long unmodified, Double acceptanceRate, Double modificationRate, Distribution timeToAcceptMs,
            Distribution timeToRejectMs, Distribution lines, Distribution characters, Distribution outputTokens) {

        static FiguresView of(CodeGenerationStats.Figures f) {
            return new FiguresView(f.key(), f.generations(), f.accepted() + f.rejected(), f.accepted(), f.rejected(),
                    f.modified(), f.unmodified(), f.acceptanceRate(), f.modificationRate(), f.msToAccept(),
                    f.msToReject(), f.lines(), f.characters(), f.tokens());
        }
    }

    static CodeView of(CodeGenerationStats s, Instant queriedAt) {
        CodeGenerationStats.Figures all = s.overall();
        long judged = all.accepted() + all.rejected();
        String insufficient = all.generations() == 0
                ? "no code_generation spans on the selected interactions (0 generations)"
                : judged == 0 ? "none of the " + all.generations()
                        + " generations has an 'accepted' score of 1 or 0: no acceptance or modification rate"
                : all.accepted() > 0 && all.modified() + all.unmodified() == 0 ? "none of the " + all.accepted()
                        + " accepted generations has a 'modified' score of 1 or 0: no modification rate" : null;
        return new CodeView(s.dataAsOf() == null ? queriedAt : s.dataAsOf(), FiguresView.of(all),
                s.byType().stream().map(FiguresView::of).toList(), s.byLanguage().stream().map(FiguresView::of).toList(),
                insufficient);
    }
}
