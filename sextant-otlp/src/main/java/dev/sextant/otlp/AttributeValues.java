package dev.sextant.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OTLP {@link AnyValue}s as plain Java values (String, Boolean, Long, Double, List, Map) for JSON. */
final class AttributeValues {
    private AttributeValues() {}

    /** The key-values in order; a repeated key keeps its last value. */
    static Map<String, Object> of(List<KeyValue> attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue kv : attributes) {
            map.put(kv.getKey(), value(kv.getValue()));
        }
        return map;
    }

    /** Null for an empty (unset) value. */
    static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                List<Object> list = new ArrayList<>(value.getArrayValue().getValuesCount());
                value.getArrayValue().getValuesList().forEach(v -> list.add(value(v)));
                yield list;
            }
            case KVLIST_VALUE -> of(value.getKvlistValue().getValuesList());
            case VALUE_NOT_SET -> null;
        };
    }
}
