package dev.sextant.store.context;

import java.util.Objects;

/**
 * One typed context value (issue 8 item 1). {@code text} is always set: a string as sent, a
 * boolean as {@code "true"}/{@code "false"}, a number in its plain decimal form. {@code number}
 * is set only for a scalar JSON number, which makes the item numeric (binned and ranked by the
 * analytics); the elements of an array are categorical values (a multi-valued type such as
 * {@code files_open}), numbers among them too.
 */
public record ContextItem(String type, String text, Double number) {
    public ContextItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    public static ContextItem categorical(String type, String text) {
        return new ContextItem(type, text, null);
    }

    public boolean numeric() {
        return number != null;
    }
}
