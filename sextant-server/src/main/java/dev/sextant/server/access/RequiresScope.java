package dev.sextant.server.access;

import dev.sextant.model.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an endpoint needs; with several, any one of them is enough. Every handler method under {@code /api} declares either this or
 * {@link AnyValidKey}; one without either is refused (fail closed).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {
    Scope[] value();
}
