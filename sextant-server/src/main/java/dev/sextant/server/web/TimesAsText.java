package dev.sextant.server.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Times and dates in request bodies are RFC 3339 text. Jackson would also read a number as epoch
 * seconds or days ({@code "from": 12} is 1970-01-01T00:00:12Z), which is never what a client
 * meant: such a number is a wrong type.
 */
final class TimesAsText extends DelegatingDeserializer {
    private final Class<?> type;

    private TimesAsText(ValueDeserializer<?> delegate, Class<?> type) {
        super(delegate);
        this.type = type;
    }

    static ValueDeserializerModifier modifier() {
        return new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                return java.time.temporal.Temporal.class.isAssignableFrom(type) ? new TimesAsText(deserializer, type) : deserializer;
            }
        };
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
        return new TimesAsText(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != null && p.currentToken().isNumeric()) {
            return ctxt.handleUnexpectedToken(type, p);
        }
        return super.deserialize(p, ctxt);
    }
}
