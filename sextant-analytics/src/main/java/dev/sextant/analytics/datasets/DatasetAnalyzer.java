package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The streaming quality analysis: fed one record (or malformed line) at a time, in file order,
 * and asked for the {@link DatasetReport} at the end. Memory does not grow with the file except
 * for documented per-record state: about 32 bytes per distinct record (exact duplicates), about
 * 64 per distinct labelled input (label conflicts), and the capped samples of
 * {@link DatasetSettings}. Not thread-safe: one reader feeds it.
 */
public final class DatasetAnalyzer {
    private final DatasetSettings settings;
    private final List<DatasetReport.MalformedLine> malformedExamples = new ArrayList<>();
    private final Map<String, long[]> fieldGaps = new TreeMap<>();
    private final LineExamples formatMismatches;
    private final List<DatasetReport.RoleIssue> roleExamples = new ArrayList<>();
    private final LineExamples empty;
    private final LineExamples tooShort;
    private final LineExamples tooLong;
    private final LineExamples encoding;
    private final TokenLengths tokens = new TokenLengths();
    private final Diversity diversity;
    private final ExactDuplicates exact;
    private final NearDuplicates near;
    private final Labels labels;
    private final LabelByLength labelByLength;
    private final GenderedTerms gendered = new GenderedTerms();
    private final PiiCounts pii;
    private final Schemas schemas = new Schemas();
    private long malformed;
    private long records;
    private long completeRecords;
    private long roleIssues;
    private long noisy;

    public DatasetAnalyzer(DatasetSettings settings) {
        this.settings = settings;
        int keep = settings.examples();
        formatMismatches = new LineExamples(keep);
        empty = new LineExamples(keep);
        tooShort = new LineExamples(keep);
        tooLong = new LineExamples(keep);
        encoding = new LineExamples(keep);
        diversity = new Diversity(settings.diversityWords());
        exact = new ExactDuplicates(keep);
        near = new NearDuplicates(settings.nearDuplicateJaccard(), settings.nearDuplicateRecords(), keep);
        labels = new Labels(settings.maxLabels(), keep);
        labelByLength = new LabelByLength(settings.maxLabels());
        pii = new PiiCounts(keep);
    }

    /** A line that could not be read as a record; the first {@code examples} are listed with their reason. */
    public void malformed(long line, String reason) {
        malformed++;
        if (malformedExamples.size() < settings.examples() * 5) {
            malformedExamples.add(new DatasetReport.MalformedLine(line, reason));
        }
    }

    /** One record; {@code format} is the dataset's (given or detected so far), null when still unknown. */
    public void accept(DatasetRecord r, DatasetFormat format) {
        accept(r, format, r.text());
    }

    /**
     * One record and its whole source text (the JSON line, the CSV row), which the PII scan reads:
     * personal data hides in metadata fields and extra columns as often as in the text itself.
     */
    public void accept(DatasetRecord r, DatasetFormat format, String source) {
        records++;
        boolean complete = true;
        for (var f : r.fields().entrySet()) {
            long[] gaps = fieldGaps.computeIfAbsent(f.getKey(), k -> new long[2]);
            if (f.getValue() == null) {
                gaps[0]++;
                complete = false;
            } else if (f.getValue().isBlank()) {
                gaps[1]++;
                complete = false;
            }
        }
        if (r.fields().isEmpty()) {
            complete = false;
        }
        if (complete) {
            completeRecords++;
        }
        schemas.accept(r.line(), r.schema());
        if (format != null && r.shape() != format) {
            formatMismatches.add(r.line());
        }
        if (r.shape() == DatasetFormat.CHAT) {
            String problem = RoleOrder.problem(r.roles());
            if (problem != null) {
                roleIssues++;
                if (roleExamples.size() < settings.examples()) {
                    roleExamples.add(new DatasetReport.RoleIssue(r.line(), problem));
                }
            }
        }
        String text = r.text();
        int count = TokenLengths.count(text);
        tokens.accept(count);
        List<String> words = Words.of(text);
        diversity.accept(words);
        gendered.accept(words);
        boolean noise = false;
        if (text.isBlank()) {
            empty.add(r.line());
            noise = true;
        } else if (count < settings.minTokens()) {
            tooShort.add(r.line());
            noise = true;
        }
        if (count > settings.maxTokens()) {
            tooLong.add(r.line());
            noise = true;
        }
        if (EncodingDamage.in(text) || (r.label() != null && EncodingDamage.in(r.label()))) {
            encoding.add(r.line());
            noise = true;
        }
        if (noise) {
            noisy++;
        }
        if (!exact.accept(r)) {
            near.accept(r.line(), words);
        }
        if (r.label() != null && !r.label().isBlank()) {
            labels.accept(r.line(), r.input() == null ? "" : r.input(), r.label());
            labelByLength.accept(r.label(), count);
        }
        pii.accept(r.line(), source);
    }

    public long records() {
        return records;
    }

    /** The report of everything fed so far. */
    public DatasetReport report(DatasetFormat format, boolean detected, long bytes, long lines) {
        List<DatasetReport.FieldCompleteness> fields = fieldGaps.entrySet().stream()
                .map(e -> new DatasetReport.FieldCompleteness(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        DatasetReport.ClassBalance balance = labels.balance();
        DatasetReport.Diversity div = diversity.report();
        DatasetReport.Score score = QualityScore.of(new QualityScore.Inputs(lines == 0 ? records + malformed : lines,
                malformed, records, completeRecords, formatMismatches.total() + roleIssues, exact.total() + near.total(),
                noisy, balance == null || balance.distinctLabels() < 2 ? null : balance.normalizedEntropy(),
                labels.labelled(), labels.recordsAffected(), pii.records(), div.distinct2()));
        DatasetReport report = new DatasetReport(format == null ? null : format.wire(), detected, bytes, lines, records,
                new DatasetReport.Malformed(malformed, List.copyOf(malformedExamples)),
                new DatasetReport.Completeness(completeRecords, records == 0 ? 0 : Rounding.round4((double) completeRecords / records), fields),
                new DatasetReport.Consistency(formatMismatches.report(), roleIssues, List.copyOf(roleExamples),
                        schemas.report(), schemas.offMain()),
                div, balance,
                new DatasetReport.Noise(settings.minTokens(), settings.maxTokens(), empty.report(), tooShort.report(),
                        tooLong.report(), encoding.report(), noisy),
                new DatasetReport.Duplicates(exact.report(), near.report()),
                labels.quality(),
                new DatasetReport.Bias(labelByLength.report(), gendered.report()),
                pii.report(), tokens.report(), score, List.of());
        return withRecommendations(report);
    }

    private DatasetReport withRecommendations(DatasetReport r) {
        return new DatasetReport(r.format(), r.formatDetected(), r.bytes(), r.lines(), r.records(), r.malformed(),
                r.completeness(), r.consistency(), r.diversity(), r.classBalance(), r.noise(), r.duplicates(),
                r.labelQuality(), r.bias(), r.pii(), r.tokenLengths(), r.score(), Recommendations.of(r, pii.recordLines()));
    }
}
