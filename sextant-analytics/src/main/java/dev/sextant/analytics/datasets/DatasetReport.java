package dev.sextant.analytics.datasets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The quality report of one dataset. Every list is in a fixed order (line number, then name), so
 * the same input gives an equal report and, through {@link DatasetReportJson}, the same bytes.
 * No finding copies personal data: PII is reported as counts and line numbers only.
 */
public record DatasetReport(String format, boolean formatDetected, long bytes, long lines, long records,
        Malformed malformed, Completeness completeness, Consistency consistency, Diversity diversity,
        ClassBalance classBalance, Noise noise, Duplicates duplicates, LabelQuality labelQuality, Bias bias,
        Pii pii, TokenLengths tokenLengths, Score score, List<String> recommendations) {

    /** How many records have a property, and the first of their line numbers. */
    public record Lines(long total, List<Long> lines) {}

    public record MalformedLine(long line, String reason) {}

    public record Malformed(long total, List<MalformedLine> examples) {}

    /** Per field: records without it ({@code missing}) and with it empty or blank ({@code empty}). */
    public record FieldCompleteness(String field, long missing, long empty) {}

    public record Completeness(long completeRecords, double ratio, List<FieldCompleteness> fields) {}

    public record RoleIssue(long line, String reason) {}

    /** One field set (sorted top-level keys) of JSON Lines records, how many records have it, and where it first appears. */
    public record Schema(List<String> keys, long records, long firstLine) {}

    /**
     * {@code schemas}: the distinct field sets, most common first (at most 20); {@code offMainSchema}:
     * records with another field set than the most common one.
     */
    public record Consistency(Lines formatMismatches, long roleOrderIssues, List<RoleIssue> roleOrderExamples,
            List<Schema> schemas, long offMainSchema) {}

    /**
     * Lexical diversity over the first {@code wordsSampled} words (all of them when not
     * {@code sampled}): distinct n-grams over all n-grams for n = 1, 2, 3, the type-token ratio
     * (= distinct_1) and the vocabulary size.
     */
    public record Diversity(long wordsSampled, boolean sampled, long vocabularySize, double typeTokenRatio,
            @JsonProperty("distinct_1") double distinct1, @JsonProperty("distinct_2") double distinct2,
            @JsonProperty("distinct_3") double distinct3) {}

    public record LabelCount(String label, long count, double share) {}

    /** Imbalance ratio: largest class over smallest; normalized entropy: Shannon entropy over log(k), 1 is uniform. */
    public record ClassBalance(List<LabelCount> labels, long distinctLabels, boolean labelsTruncated,
            double imbalanceRatio, double normalizedEntropy) {}

    public record Noise(int minTokens, int maxTokens, Lines empty, Lines tooShort, Lines tooLong, Lines encodingDamage,
            long noisyRecords) {}

    public record DuplicatePair(long line, long duplicateOf) {}

    public record SimilarPair(long line, long similarTo, double jaccard) {}

    public record ExactDuplicates(long total, List<DuplicatePair> examples) {}

    /**
     * Records whose MinHash-estimated Jaccard similarity (word 3-grams, {@link NearDuplicates#HASHES}
     * hashes, {@link NearDuplicates#BANDS} LSH bands) to an earlier record is at least
     * {@code jaccardThreshold}, among the first {@code recordsChecked} records.
     */
    public record NearDuplicates(long total, double jaccardThreshold, long recordsChecked, boolean sampled,
            List<SimilarPair> examples) {}

    public record Duplicates(ExactDuplicates exact, NearDuplicates near) {}

    public record LabelConflict(long line, long conflictsWith) {}

    /** Inputs (normalised: case, spacing) that occur with more than one label. */
    public record LabelQuality(long conflictingInputs, long recordsAffected, List<LabelConflict> examples) {}

    public record LengthBucket(String bucket, List<LabelCount> labels) {}

    /**
     * Whether the label depends on the input's length bucket (chi-square test of independence);
     * flagged when p < 0.01 and Cramér's V >= 0.1, a dependence a model can learn as a shortcut.
     */
    public record LabelByLength(List<LengthBucket> buckets, Double chiSquare, Double pValue, Double cramersV,
            boolean flagged, String note) {}

    /**
     * Records mentioning only female terms and only male terms (a fixed English word list);
     * flagged when at least 20 such records exist and one side outnumbers the other three to one.
     */
    public record GenderedTerms(long femaleOnly, long maleOnly, long both, Double ratio, boolean flagged, String note) {}

    public record Bias(LabelByLength labelByLength, GenderedTerms genderedTerms) {}

    public record PiiKindCount(String kind, long matches, long records, List<Long> lines) {}

    public record Pii(long recordsWithPii, List<PiiKindCount> kinds) {}

    public record TokenLengths(String encoding, long records, Integer min, Integer p50, Integer p90, Integer p99,
            Integer max, Double mean) {}

    public record ScoreComponent(String name, double value, double weight) {}

    public record Score(double value, boolean trainingReady, double readyAbove, List<ScoreComponent> components) {}
}
