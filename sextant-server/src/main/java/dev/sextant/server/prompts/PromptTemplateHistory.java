package dev.sextant.server.prompts;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptVersion;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records prompt template versions written in the past, at their own times: the demo loader's
 * story. Each goes through the same checks as the API (every variable the text uses must be
 * declared) into a store role whose writes carry the given time
 * ({@link SextantStore#promptTemplatesAt}). Requests never use this.
 */
@Component
public final class PromptTemplateHistory {
    /** A declared variable, required. */
    public record Variable(String name, String description) {}

    private final SextantStore store;
    private final DataVersions dataVersions;

    PromptTemplateHistory(SextantStore store, DataVersions dataVersions) {
        this.store = store;
        this.dataVersions = dataVersions;
    }

    /** Creates the template with its version 1, as {@code POST /api/v1/prompt-templates} would have at {@code at}. */
    public PromptTemplate create(WorkspaceId ws, Instant at, String author, String id, String name, String description,
            String agentId, List<String> tags, String text, List<Variable> variables, String message) {
        TemplateBody.Valid valid = new TemplateBody(id, name, description, agentId, tags, text, bodies(variables), message)
                .validated();
        PromptTemplate created = store.promptTemplatesAt(Clock.fixed(at, ZoneOffset.UTC)).create(ws, valid.spec(),
                valid.first().by(author));
        dataVersions.changed(ws);
        return created;
    }

    /** Adds the next version, as {@code POST /api/v1/prompt-templates/{id}/versions} would have at {@code at}. */
    public PromptVersion addVersion(WorkspaceId ws, Instant at, String author, String id, String text,
            List<Variable> variables, String message) {
        DraftCheck.Checked checked = new VersionBody(text, bodies(variables), message).validated();
        PromptVersion added = store.promptTemplatesAt(Clock.fixed(at, ZoneOffset.UTC)).addVersion(ws, id,
                checked.by(author)).orElseThrow(() -> new IllegalArgumentException("no prompt template '" + id + "'"));
        dataVersions.changed(ws);
        return added;
    }

    private static List<VariableBody> bodies(List<Variable> variables) {
        return variables.stream().map(v -> new VariableBody(v.name(), v.description(), true, null)).toList();
    }
}
