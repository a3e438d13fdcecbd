package dev.sextant.analytics.datasets;

/**
 * Thresholds and caps of the dataset analysis. The caps bound memory whatever the file's size:
 * near duplicates are looked for among the first {@code nearDuplicateRecords} records (a MinHash
 * signature of {@link NearDuplicates#HASHES} ints each), lexical diversity over the first
 * {@code diversityWords} words, at most {@code maxLabels} distinct labels are counted one by one.
 *
 * @param minTokens a record with fewer tokens (o200k_base) is too short
 * @param maxTokens a record with more tokens is too long
 * @param nearDuplicateJaccard estimated Jaccard similarity of word 3-gram sets at or above which two records are near duplicates
 * @param examples how many line numbers each finding lists (the total is always counted)
 * @param maxLineBytes a longer line is malformed and skipped, so one line cannot exhaust memory
 */
public record DatasetSettings(int minTokens, int maxTokens, double nearDuplicateJaccard, int nearDuplicateRecords,
        int diversityWords, int maxLabels, int examples, int maxLineBytes) {

    public static final DatasetSettings DEFAULTS = new DatasetSettings(3, 8192, 0.8, 20_000, 200_000, 1_000, 20,
            4 * 1024 * 1024);

    public DatasetSettings {
        if (minTokens < 0 || maxTokens <= minTokens) {
            throw new IllegalArgumentException("need 0 <= min tokens < max tokens, was " + minTokens + " and " + maxTokens);
        }
        if (!(nearDuplicateJaccard > 0 && nearDuplicateJaccard <= 1)) {
            throw new IllegalArgumentException("the near-duplicate Jaccard threshold must be in (0, 1], was " + nearDuplicateJaccard);
        }
        if (nearDuplicateRecords < 0 || diversityWords < 1 || maxLabels < 2 || examples < 1 || maxLineBytes < 64) {
            throw new IllegalArgumentException("caps out of range: near-duplicate records " + nearDuplicateRecords
                    + ", diversity words " + diversityWords + ", labels " + maxLabels + ", examples " + examples
                    + ", line bytes " + maxLineBytes);
        }
    }
}
