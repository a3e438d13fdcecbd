package dev.sextant.server.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies of the admin API are read strictly: {@code "name": 5} is a wrong type, not the
 * string "5", and {@code "scope"} for {@code "scopes"} is an unknown field, not silently nothing.
 * They are small, so a body over {@link #MAX_BODY_BYTES} is refused while it is read (413),
 * whatever its Content-Length says. (The ingest body has its own reader, limits and rules.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {
    static final long MAX_BODY_BYTES = 1_048_576;

    @Bean
    JsonFactoryBuilderCustomizer boundedDocuments() {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BODY_BYTES).build());
    }

    static boolean tooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException c && c.getMessage() != null
                    && c.getMessage().contains("Document length")) {
                return true;
            }
        }
        return false;
    }

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("sextant-times-as-text").setDeserializerModifier(TimesAsText.modifier()));
    }
}
