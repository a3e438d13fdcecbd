package dev.sextant.server.configurations;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.sextant.server.web.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema every configuration content must meet ({@code schemas/configuration-content.schema.json},
 * draft 2020-12), checked with networknt's validator. Every violation is reported, each with a
 * JSON Pointer into the request body ({@code /content/behaviour/temperature}).
 */
final class ContentSchema {
    static final String RESOURCE = "/schemas/configuration-content.schema.json";
    static final String ID = "urn:sextant:schema:configuration-content:1";

    private final Schema schema;

    ContentSchema() {
        try (InputStream in = ContentSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server's resources");
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema by {@code content}, which sits at {@code field} of the body. */
    List<FieldProblem> problems(String field, JsonNode content) {
        return schema.validate(content).stream().map(e -> problem(field, e)).toList();
    }

    private static FieldProblem problem(String field, Error e) {
        String pointer = "/" + field + pointer(e.getInstanceLocation());
        // a missing or an unknown member is reported on its object; point at the member itself
        boolean member = "required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword());
        String where = member && e.getProperty() != null ? pointer + "/" + escape(e.getProperty()) : pointer;
        return FieldProblem.at(field, where, where + ": " + e.getMessage());
    }

    /** RFC 6901: each segment with ~ and / escaped. */
    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
