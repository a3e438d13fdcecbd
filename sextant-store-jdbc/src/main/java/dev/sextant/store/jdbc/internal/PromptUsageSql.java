package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PromptUsageQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code uses} of prompt templates as a CTE: (trace_id, template_id, version_text, status, used_at).
 * A span use: the span's attributes name the template ({@code prompt.template_id}) and the
 * version ({@code prompt.version}, else OpenInference's {@code llm.prompt_template.version}),
 * counted at the span's start. A trace use: the trace's metadata names them
 * ({@code prompt_template_id}, {@code prompt_version}) and none of its spans names a template,
 * counted at the trace's start. Keys are bound, never spliced into the SQL.
 */
final class PromptUsageSql {
    static final String SPAN_TEMPLATE = "prompt.template_id";
    static final String SPAN_VERSION = "prompt.version";
    static final String OPENINFERENCE_VERSION = "llm.prompt_template.version";
    static final String TRACE_TEMPLATE = "prompt_template_id";
    static final String TRACE_VERSION = "prompt_version";
    /** Joins the rated traces {@code u} to their numeric user_rating scores; ONE bind parameter (workspace). */
    static final String RATINGS = " JOIN scores sc ON sc.workspace_id = ? AND sc.trace_id = u.trace_id"
            + " AND sc.name = 'user_rating' AND sc.value IS NOT NULL";

    private final String with;
    private final String templateFilter;
    private final List<Object> values = new ArrayList<>();
    private final WorkspaceId workspace;

    PromptUsageSql(Dialect d, WorkspaceId workspace, PromptUsageQuery query) {
        this.workspace = workspace;
        String spanTemplate = d.jsonTextField("s.attributes");
        with = "WITH uses AS (SELECT s.trace_id AS trace_id, " + spanTemplate + " AS template_id, COALESCE("
                + d.jsonTextField("s.attributes") + ", " + d.jsonTextField("s.attributes") + ") AS version_text,"
                + " s.status AS status, s.started_at AS used_at FROM spans s WHERE s.workspace_id = ?"
                + " AND s.started_at >= ? AND s.started_at < ? AND " + spanTemplate + " IS NOT NULL"
                + " UNION ALL SELECT t.id, " + d.jsonTextField("t.metadata") + ", " + d.jsonTextField("t.metadata")
                + ", t.status, t.started_at FROM traces t WHERE t.workspace_id = ? AND t.started_at >= ?"
                + " AND t.started_at < ? AND " + d.jsonTextField("t.metadata") + " IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM spans s2 WHERE s2.workspace_id = t.workspace_id AND s2.trace_id = t.id AND "
                + d.jsonTextField("s2.attributes") + " IS NOT NULL)) ";
        values.add(d.jsonTextFieldKey(SPAN_TEMPLATE));
        values.add(d.jsonTextFieldKey(SPAN_VERSION));
        values.add(d.jsonTextFieldKey(OPENINFERENCE_VERSION));
        values.add(workspace.value());
        values.add(query.from());
        values.add(query.to());
        values.add(d.jsonTextFieldKey(SPAN_TEMPLATE));
        values.add(d.jsonTextFieldKey(TRACE_TEMPLATE));
        values.add(d.jsonTextFieldKey(TRACE_VERSION));
        values.add(workspace.value());
        values.add(query.from());
        values.add(query.to());
        values.add(d.jsonTextFieldKey(TRACE_TEMPLATE));
        values.add(d.jsonTextFieldKey(SPAN_TEMPLATE));
        if (query.templateId() == null) {
            templateFilter = "";
        } else {
            templateFilter = " WHERE template_id = ?";
            values.add(query.templateId());
        }
    }

    String with() {
        return with;
    }

    String templateFilter() {
        return templateFilter;
    }

    List<Object> values() {
        return List.copyOf(values);
    }

    /** The values for a query that also joins {@link #RATINGS}. */
    List<Object> valuesWithRatings() {
        List<Object> all = new ArrayList<>(values);
        all.add(workspace.value());
        return all;
    }
}
