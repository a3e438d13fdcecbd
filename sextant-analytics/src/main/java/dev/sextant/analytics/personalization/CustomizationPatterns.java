package dev.sextant.analytics.personalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who customizes how much, and what: per actor the number of parameter changes, the
 * {@link UserType}, the primary focus (the section changed most often; ties: the section name that
 * sorts first) and the changes per section. Actors that are API keys ({@code key <name>}) are
 * classified too and marked, so a script's bulk edits are not mistaken for a person's habit.
 */
public final class CustomizationPatterns {
    private CustomizationPatterns() {}

    /** One actor's pattern. {@code sections} maps section to changes, most changed first. */
    public record Pattern(String actor, String actorKind, long changes, UserType userType, String primaryFocus,
            Map<String, Long> sections, Instant firstChange, Instant lastChange) {}

    /** The patterns of every actor of {@code changes}, most changes first (ties by actor). */
    public static List<Pattern> of(List<CustomizationChange> changes) {
        Map<String, List<CustomizationChange>> byActor = changes.stream()
                .collect(Collectors.groupingBy(CustomizationChange::actor, TreeMap::new, Collectors.toList()));
        List<Pattern> patterns = new ArrayList<>();
        byActor.forEach((actor, own) -> patterns.add(pattern(actor, own)));
        patterns.sort(Comparator.comparingLong(Pattern::changes).reversed().thenComparing(Pattern::actor));
        return patterns;
    }

    /** The pattern of an actor with no change at all: a non-customizer with no focus. */
    public static Pattern none(String actor) {
        return new Pattern(actor, kind(actor), 0, UserType.NON_CUSTOMIZER, null, Map.of(), null, null);
    }

    private static Pattern pattern(String actor, List<CustomizationChange> own) {
        Map<String, Long> counts = own.stream()
                .collect(Collectors.groupingBy(CustomizationChange::section, TreeMap::new, Collectors.counting()));
        Map<String, Long> sections = new java.util.LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sections.put(e.getKey(), e.getValue()));
        Instant first = own.stream().map(CustomizationChange::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = own.stream().map(CustomizationChange::at).max(Comparator.naturalOrder()).orElseThrow();
        return new Pattern(actor, kind(actor), own.size(), UserType.of(own.size()), sections.keySet().iterator().next(),
                java.util.Collections.unmodifiableMap(sections), first, last);
    }

    /** {@code user} or {@code key} from the actor's prefix; {@code other} for anything else. */
    static String kind(String actor) {
        return actor.startsWith("user ") ? "user" : actor.startsWith("key ") ? "key" : "other";
    }
}
