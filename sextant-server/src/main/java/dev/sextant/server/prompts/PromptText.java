package dev.sextant.server.prompts;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A template text in Mustache syntax (JMustache): {@code {{name}}} inserts a variable as it is
 * (no HTML escaping: prompts are not HTML), {@code {{#name}}...{{/name}}} shows a part only when
 * the variable is not empty, {@code {{^name}}...{{/name}}} only when it is, {@code {{! note }}}
 * is a comment. Nothing is evaluated: values are plain strings, looked up only in the map of
 * declared variables (no reflection, no lambdas), and partials and template inheritance
 * ({@code {{> x}}}, {@code {{< x}}}, {@code {{$ x}}}) are refused, so nothing is ever loaded.
 * A value is inserted once and never read as a template: {@code {{#x}}} in a value comes out as
 * it is.
 */
final class PromptText {
    /** The longest rendered text; a longer one is refused rather than built. */
    static final int MAX_RENDERED = 1_000_000;

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .strictSections(true)
            .withCollector(new MapsOnly())
            .withLoader(name -> {
                throw new IllegalStateException("partials are not supported: '" + name + "'");
            });

    private final Template template;
    private final Set<String> names;

    private PromptText(Template template, Set<String> names) {
        this.template = template;
        this.names = names;
    }

    /**
     * Parses the text. {@link Invalid} when it is not valid Mustache or uses a partial or a
     * template inheritance tag.
     */
    static PromptText parse(String text) {
        Template template;
        try {
            template = COMPILER.compile(text);
        } catch (MustacheException e) {
            throw new Invalid("text is not a valid template: " + e.getMessage());
        }
        Names names = new Names();
        template.visit(names);
        if (!names.refused.isEmpty()) {
            throw new Invalid("text uses " + String.join(", ", names.refused) + ": partials and template"
                    + " inheritance are not supported; a prompt template is one self-contained text");
        }
        return new PromptText(template, Collections.unmodifiableSet(names.used));
    }

    /** Every variable name the text uses, in a tag or as a section, in order of first use. */
    Set<String> names() {
        return names;
    }

    /** The text with these values; every name the text uses must have one. */
    String render(Map<String, String> values) {
        for (String name : names) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for '" + name + "'");
            }
        }
        Bounded out = new Bounded();
        try {
            template.execute(Map.copyOf(values), out);
        } catch (MustacheException e) {
            if (e.getCause() instanceof TooLong tooLong) {
                throw tooLong;
            }
            throw e;
        }
        return out.toString();
    }

    /** The text cannot be a template. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** The rendered text would be over {@link #MAX_RENDERED} characters. */
    static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("the rendered text would be over " + MAX_RENDERED + " characters; shorten the values");
        }
    }

    /** Collects variable and section names, and the tags that would load another template. */
    private static final class Names implements Mustache.Visitor {
        final Set<String> used = new LinkedHashSet<>();
        final Set<String> refused = new LinkedHashSet<>();

        @Override
        public void visitText(String text) {}

        @Override
        public void visitVariable(String name) {
            used.add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            refused.add("{{> " + name + "}}");
            return false;
        }

        @Override
        public boolean visitParent(String name) {
            refused.add("{{< " + name + "}}");
            return false;
        }

        @Override
        public boolean visitBlock(String name) {
            refused.add("{{$ " + name + "}}");
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            used.add(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            used.add(name);
            return true;
        }
    }

    /** Values come only from maps: no reflection on objects, so no method is ever called. */
    private static final class MapsOnly extends BasicCollector {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }

    /** A writer that stops at {@link #MAX_RENDERED} characters. */
    private static final class Bounded extends Writer {
        private final StringWriter out = new StringWriter();
        private int length;

        @Override
        public void write(char[] chars, int offset, int count) {
            length += count;
            if (length > MAX_RENDERED) {
                throw new TooLong();
            }
            out.write(chars, offset, count);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
