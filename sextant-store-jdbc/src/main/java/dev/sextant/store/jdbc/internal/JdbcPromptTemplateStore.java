package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.PromptDraft;
import dev.sextant.store.PromptTemplate;
import dev.sextant.store.PromptTemplateStore;
import dev.sextant.store.PromptVersion;
import dev.sextant.store.PromptVersionSummary;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Templates, one row each, and their versions, one row per version. A new version raises the
 * template's {@code latest_version} first: that row lock (PostgreSQL) or the one writer (DuckDB)
 * numbers concurrent versions one after the other.
 */
final class JdbcPromptTemplateStore implements PromptTemplateStore {
    private static final String COLUMNS = "id, name, description, agent_id, tags, production_version,"
            + " latest_version, created_at, updated_at";
    private static final String VERSION_COLUMNS = "template_id, version, text, variables, message, created_by, created_at";

    private final Database database;
    private final Clock clock;

    JdbcPromptTemplateStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<PromptTemplate> list(WorkspaceId workspace) {
        return database.read("listing prompt templates", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM prompt_templates"
                    + " WHERE workspace_id = ? ORDER BY " + database.dialect().byteOrder("id"))) {
                select.setString(1, workspace.value());
                List<PromptTemplate> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(template(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<PromptTemplate> find(WorkspaceId workspace, String templateId) {
        return database.read("reading prompt template " + templateId, c -> find(c, workspace, templateId));
    }

    private static Optional<PromptTemplate> find(Connection c, WorkspaceId workspace, String templateId)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM prompt_templates"
                + " WHERE workspace_id = ? AND id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, templateId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(template(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public PromptTemplate create(WorkspaceId workspace, PromptTemplate.Spec spec, PromptDraft first) {
        Instant now = now();
        try {
            return database.write("creating prompt template " + spec.id(), c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO prompt_templates (workspace_id, "
                        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    SqlValues.bind(insert, Arrays.asList(workspace.value(), spec.id(), spec.name(), spec.description(),
                            spec.agentId(), JsonCodec.write(spec.tags()), null, 1, now, now));
                    insert.executeUpdate();
                }
                insertVersion(c, workspace, spec.id(), 1, first, now);
                return new PromptTemplate(spec.id(), spec.name(), spec.description(), spec.agentId(), spec.tags(),
                        null, 1, now, now);
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException("prompt template '" + spec.id() + "' already exists in this workspace;"
                        + " add a version to it instead");
            }
            throw e;
        }
    }

    @Override
    public Optional<PromptVersion> addVersion(WorkspaceId workspace, String templateId, PromptDraft draft) {
        Instant now = now();
        return database.write("adding a version to prompt template " + templateId, c -> {
            Integer next;
            try (PreparedStatement bump = c.prepareStatement("UPDATE prompt_templates SET latest_version ="
                    + " latest_version + 1, updated_at = ? WHERE workspace_id = ? AND id = ? RETURNING latest_version")) {
                SqlValues.bind(bump, Arrays.asList(now, workspace.value(), templateId));
                try (ResultSet rs = bump.executeQuery()) {
                    next = rs.next() ? rs.getInt(1) : null;
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            return Optional.of(insertVersion(c, workspace, templateId, next, draft, now));
        });
    }

    private static PromptVersion insertVersion(Connection c, WorkspaceId workspace, String templateId, int version,
            PromptDraft draft, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO prompt_template_versions (workspace_id, "
                + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            SqlValues.bind(insert, Arrays.asList(workspace.value(), templateId, version, draft.text(),
                    PromptVariablesJson.write(draft.variables()), draft.message(), draft.createdBy(), now));
            insert.executeUpdate();
        }
        return new PromptVersion(templateId, version, draft.text(), draft.variables(), draft.message(),
                draft.createdBy(), now);
    }

    @Override
    public List<PromptVersion> versions(WorkspaceId workspace, String templateId) {
        return database.read("listing the versions of prompt template " + templateId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM prompt_template_versions WHERE workspace_id = ? AND template_id = ? ORDER BY version")) {
                select.setString(1, workspace.value());
                select.setString(2, templateId);
                List<PromptVersion> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(version(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<PromptVersion> version(WorkspaceId workspace, String templateId, int version) {
        return database.read("reading version " + version + " of prompt template " + templateId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM prompt_template_versions WHERE workspace_id = ? AND template_id = ? AND version = ?")) {
                SqlValues.bind(select, Arrays.asList(workspace.value(), templateId, version));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(version(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<PromptVersionSummary> versionSummaries(WorkspaceId workspace) {
        return database.read("listing prompt template versions", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT template_id, version, message, created_by,"
                    + " created_at FROM prompt_template_versions WHERE workspace_id = ? ORDER BY "
                    + database.dialect().byteOrder("template_id") + ", version")) {
                select.setString(1, workspace.value());
                List<PromptVersionSummary> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(new PromptVersionSummary(rs.getString("template_id"), rs.getInt("version"),
                                rs.getString("message"), rs.getString("created_by"), SqlValues.instant(rs, "created_at")));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<PromptTemplate> setProduction(WorkspaceId workspace, String templateId, Integer version) {
        Instant now = now();
        return database.write("labelling a production version of prompt template " + templateId, c -> {
            Optional<PromptTemplate> template = find(c, workspace, templateId);
            if (template.isEmpty()) {
                return template;
            }
            int latest = template.get().latestVersion();
            if (version != null && (version < 1 || version > latest)) {
                throw new IllegalArgumentException("prompt template '" + templateId + "' has versions 1 to " + latest
                        + ", not " + version);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE prompt_templates SET production_version = ?,"
                    + " updated_at = ? WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(version, now, workspace.value(), templateId));
                update.executeUpdate();
            }
            return find(c, workspace, templateId);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PromptTemplate template(ResultSet rs) throws SQLException {
        return new PromptTemplate(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("agent_id"), JsonCodec.strings(rs.getString("tags")),
                SqlValues.nullableInt(rs, "production_version"), rs.getInt("latest_version"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }

    private static PromptVersion version(ResultSet rs) throws SQLException {
        return new PromptVersion(rs.getString("template_id"), rs.getInt("version"), rs.getString("text"),
                PromptVariablesJson.read(rs.getString("variables")), rs.getString("message"),
                rs.getString("created_by"), SqlValues.instant(rs, "created_at"));
    }
}
