package dev.sextant.server.web;

import java.util.Map;

/** The caller is authenticated but may not do this. {@code properties} go into the problem. */
public class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> properties;

    public ForbiddenException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
