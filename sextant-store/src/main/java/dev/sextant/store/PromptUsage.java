package dev.sextant.store;

import java.time.Instant;
import java.util.List;

/**
 * How one template was used in a window. A use is a span whose attributes name the template
 * ({@code prompt.template_id}), or a trace whose metadata does ({@code prompt_template_id}) when
 * none of its spans names a template. It succeeded unless its status is {@code error}. Ratings
 * are the numeric {@code user_rating} scores of the traces with a use, each trace once.
 * {@code versions}: per version number, most recent first; {@code version} null gathers the uses
 * whose version was missing or not a whole number.
 */
public record PromptUsage(String templateId, long uses, long successes, long ratings, Double meanRating,
        Instant newest, List<Version> versions) {
    public PromptUsage {
        versions = List.copyOf(versions);
    }

    /** The uses of one version. */
    public record Version(Integer version, long uses, long successes, long ratings, Double meanRating) {}
}
