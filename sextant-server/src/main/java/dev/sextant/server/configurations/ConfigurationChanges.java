package dev.sextant.server.configurations;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.NewConfiguration;
import dev.sextant.store.NewVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of a configuration: the body is checked in full (every problem listed, nothing
 * saved), the content validated against {@link ContentSchema}, its SDK needs worked out, and the
 * store writes the version and its customization events in one transaction.
 */
final class ConfigurationChanges {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurationStore store;
    private final ContentSchema schema;
    private final SdkCompatibility compatibility;
    private final ParameterDiff diff = new ParameterDiff();

    ConfigurationChanges(ConfigurationStore store, ContentSchema schema, SdkCompatibility compatibility) {
        this.store = store;
        this.schema = schema;
        this.compatibility = compatibility;
    }

    ConfigurationVersion create(WorkspaceId ws, CreateBody body, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        body.check(problems);
        NewVersion first = version(ws, problems, body.content(), null, body.message(), body.sdkVersion(), by);
        String name = body.name() == null ? body.id() : body.name().strip();
        return store.create(ws, new NewConfiguration(body.id(), body.agentId(), name, body.description(), by), first, diff);
    }

    ConfigurationVersion addVersion(WorkspaceId ws, String id, VersionBody body, String by) {
        Configuration cfg = configuration(ws, id);
        List<FieldProblem> problems = new ArrayList<>();
        Integer parent = body.parentVersion();
        if (parent != null && (parent < 1 || parent > cfg.latestVersion())) {
            problems.add(FieldProblem.field("parent_version", "parent_version " + parent + " does not exist; configuration '"
                    + id + "' has versions 1 to " + cfg.latestVersion()));
        }
        Texts.optional(problems, "message", body.message(), Texts.MAX_TEXT);
        NewVersion version = version(ws, problems, body.content(), parent, body.message(), body.sdkVersion(), by);
        return store.addVersion(ws, id, version, Boolean.TRUE.equals(body.activate()), diff)
                .orElseThrow(() -> new NotFoundException("configuration", id));
    }

    ConfigurationVersion activate(WorkspaceId ws, String id, int number, ChangeKind kind, String by) {
        configuration(ws, id);
        return store.activate(ws, id, number, kind, by, diff).orElseThrow(() -> missingVersion(id, number));
    }

    Configuration configuration(WorkspaceId ws, String id) {
        return store.find(ws, id).orElseThrow(() -> new NotFoundException("configuration", id));
    }

    static NotFoundException missingVersion(String id, int number) {
        return new NotFoundException("version " + number + " of configuration", id);
    }

    /** The version to write, or every problem found so far and in the content, thrown at once. */
    private NewVersion version(WorkspaceId ws, List<FieldProblem> problems, JsonNode content, Integer parent, String message,
            String sdkText, String by) {
        if (content == null || content.isNull()) {
            problems.add(FieldProblem.field("content", "content is required: a JSON object with any of prompt_templates,"
                    + " behaviour, interface, workflow, integrations"));
        } else if (!content.isObject()) {
            problems.add(FieldProblem.field("content", "content must be a JSON object, was "
                    + content.getNodeType().name().toLowerCase(Locale.ROOT)));
        } else {
            problems.addAll(schema.problems("content", content));
        }
        SdkVersion sdk = null;
        if (sdkText != null) {
            try {
                sdk = SdkVersion.parse(sdkText);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("sdk_version", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        SdkVersion minimum = SdkRequirements.minimum(content);
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("valid", true);
        validation.put("schema", ContentSchema.ID);
        validation.put("errors", List.of());
        validation.put("min_sdk_version", minimum.toString());
        validation.put("compatibility", compatibility.of(ws, minimum, sdk));
        return new NewVersion(JSON.writeValueAsString(content), parent, message, by, minimum.toString(),
                JSON.writeValueAsString(validation));
    }
}
