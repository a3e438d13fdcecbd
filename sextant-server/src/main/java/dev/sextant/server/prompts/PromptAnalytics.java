package dev.sextant.server.prompts;

import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptUsage;
import dev.sextant.store.PromptVersionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One template's figures over a window, as the API answers them. */
record PromptAnalytics(String templateId, String name, long uses, long successes, Double successRate, long ratings,
        Double averageRating, Double qualityScore, String qualityBasis, String performanceCategory, int versionCount,
        List<String> contributors, List<VersionUsage> usagePerVersion, Instant lastUsedAt) {

    /** One version's figures; {@code version} null gathers uses that named no known version number. */
    record VersionUsage(Integer version, long uses, long successes, Double successRate, long ratings,
            Double averageRating, String performanceCategory) {}

    static PromptAnalytics of(PromptTemplate t, List<PromptVersionSummary> versions, PromptUsage usage) {
        Map<Integer, PromptUsage.Version> used = usage == null ? Map.of() : usage.versions().stream()
                .filter(v -> v.version() != null).collect(Collectors.toMap(PromptUsage.Version::version, Function.identity()));
        Map<Integer, VersionUsage> rows = new TreeMap<>((a, b) -> Integer.compare(b, a));
        for (PromptVersionSummary v : versions) {
            rows.put(v.version(), row(v.version(), used.get(v.version())));
        }
        used.forEach((n, v) -> rows.putIfAbsent(n, row(n, v))); // a use naming a version not (yet) made
        List<VersionUsage> perVersion = new ArrayList<>(rows.values());
        if (usage != null) {
            usage.versions().stream().filter(v -> v.version() == null).findFirst().ifPresent(v -> perVersion.add(row(null, v)));
        }
        long uses = usage == null ? 0 : usage.uses();
        long successes = usage == null ? 0 : usage.successes();
        Double rating = usage == null ? null : usage.meanRating();
        PromptPerformance p = PromptPerformance.of(uses, successes, rating);
        List<String> contributors = new ArrayList<>(new TreeSet<>(versions.stream().map(PromptVersionSummary::createdBy).toList()));
        return new PromptAnalytics(t.id(), t.name(), uses, successes, rate(successes, uses),
                usage == null ? 0 : usage.ratings(), rating, p.qualityScore(), p.qualityBasis(), p.category(),
                versions.size(), contributors, perVersion, usage == null ? null : usage.newest());
    }

    private static VersionUsage row(Integer version, PromptUsage.Version v) {
        if (v == null) {
            return new VersionUsage(version, 0, 0, null, 0, null, null);
        }
        return new VersionUsage(version, v.uses(), v.successes(), rate(v.successes(), v.uses()), v.ratings(),
                v.meanRating(), PromptPerformance.of(v.uses(), v.successes(), v.meanRating()).category());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
