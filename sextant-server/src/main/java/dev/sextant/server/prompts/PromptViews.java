package dev.sextant.server.prompts;

import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptVariable;
import dev.sextant.store.PromptVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Prompt templates and versions as the API answers them. */
final class PromptViews {
    private PromptViews() {}

    /**
     * A template: {@code labels.production} is the version the label points at;
     * {@code production_pinned} says whether it was set (true) or follows the newest version.
     */
    record TemplateView(String id, String name, String description, String agentId, List<String> tags,
            Map<String, Integer> labels, boolean productionPinned, int latestVersion, Instant createdAt,
            Instant updatedAt) {
        static TemplateView of(PromptTemplate t) {
            return new TemplateView(t.id(), t.name(), t.description(), t.agentId(), t.tags(),
                    Map.of("production", t.production()), t.productionVersion() != null, t.latestVersion(),
                    t.createdAt(), t.updatedAt());
        }
    }

    record VariableView(String name, String description, boolean required,
            @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultValue) {
        static VariableView of(PromptVariable v) {
            return new VariableView(v.name(), v.description(), v.required(), v.defaultValue());
        }
    }

    /** A version; {@code labels} lists "production" on the version the label points at. */
    record VersionView(String templateId, int version, String text, List<VariableView> variables, String message,
            String createdBy, Instant createdAt, List<String> labels) {
        static VersionView of(PromptVersion v, PromptTemplate t) {
            return new VersionView(v.templateId(), v.version(), v.text(),
                    v.variables().stream().map(VariableView::of).toList(), v.message(), v.createdBy(), v.createdAt(),
                    t.production() == v.version() ? List.of("production") : List.of());
        }
    }

    /** Answer of creating a template: the template, its version 1, and warnings (declared, unused variables). */
    record Created(String id, String name, String description, String agentId, List<String> tags,
            Map<String, Integer> labels, boolean productionPinned, int latestVersion, Instant createdAt,
            Instant updatedAt, VersionView version, List<String> warnings) {
        static Created of(PromptTemplate t, PromptVersion first, List<String> warnings) {
            TemplateView v = TemplateView.of(t);
            return new Created(v.id(), v.name(), v.description(), v.agentId(), v.tags(), v.labels(),
                    v.productionPinned(), v.latestVersion(), v.createdAt(), v.updatedAt(), VersionView.of(first, t),
                    warnings);
        }
    }

    /** Answer of adding a version: the version and warnings. */
    record AddedVersion(String templateId, int version, String text, List<VariableView> variables, String message,
            String createdBy, Instant createdAt, List<String> labels, List<String> warnings) {
        static AddedVersion of(VersionView v, List<String> warnings) {
            return new AddedVersion(v.templateId(), v.version(), v.text(), v.variables(), v.message(), v.createdBy(),
                    v.createdAt(), v.labels(), warnings);
        }
    }

    /** One template with its production version in full and every version's summary. */
    record Detail(String id, String name, String description, String agentId, List<String> tags,
            Map<String, Integer> labels, boolean productionPinned, int latestVersion, Instant createdAt,
            Instant updatedAt, VersionView production, List<VersionSummary> versions) {
        static Detail of(PromptTemplate t, List<PromptVersion> versions) {
            TemplateView v = TemplateView.of(t);
            PromptVersion production = versions.stream().filter(x -> x.version() == t.production()).findFirst()
                    .orElseThrow();
            return new Detail(v.id(), v.name(), v.description(), v.agentId(), v.tags(), v.labels(),
                    v.productionPinned(), v.latestVersion(), v.createdAt(), v.updatedAt(),
                    VersionView.of(production, t), versions.stream().map(x -> VersionSummary.of(x, t)).toList());
        }
    }

    record VersionSummary(int version, String message, String createdBy, Instant createdAt, List<String> labels) {
        static VersionSummary of(PromptVersion v, PromptTemplate t) {
            return new VersionSummary(v.version(), v.message(), v.createdBy(), v.createdAt(),
                    t.production() == v.version() ? List.of("production") : List.of());
        }
    }

    record Rendered(String templateId, int version, String text) {}
}
