package dev.sextant.server.mlflow;

import dev.sextant.store.mlflow.MlflowExperiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subset of MLflow's search filter this API answers: clauses {@code <entity>.<key> <op> <value>}
 * joined by AND. Metrics compare with =, !=, <, <=, >, >= to a number; params and tags with = and
 * != to a quoted string; attributes by their type. Anything else (OR, LIKE, ILIKE, IN, parentheses,
 * an unknown entity or attribute) is INVALID_PARAMETER_VALUE naming the part.
 */
final class SearchFilter {
    enum Target { RUNS, EXPERIMENTS }

    enum Entity { METRIC, PARAM, TAG, ATTRIBUTE }

    record Clause(Entity entity, String key, String op, String text, Double number) {}

    /** What a filter reads of a run or an experiment. */
    interface Subject {
        /** A String or a Long attribute, or null. */
        Object attribute(String key);

        String param(String key);

        String tag(String key);

        Double metric(String key);
    }

    private static final Set<String> COMPARISONS = Set.of("=", "!=", "<", "<=", ">", ">=");
    private static final Map<Target, Set<String>> TEXT_ATTRIBUTES = Map.of(
            Target.RUNS, Set.of("run_id", "run_name", "status", "user_id", "lifecycle_stage"),
            Target.EXPERIMENTS, Set.of("name", "lifecycle_stage"));
    private static final Map<Target, Set<String>> NUMBER_ATTRIBUTES = Map.of(
            Target.RUNS, Set.of("start_time", "end_time"),
            Target.EXPERIMENTS, Set.of("creation_time", "last_update_time"));

    private final List<Clause> clauses;

    private SearchFilter(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    List<Clause> clauses() {
        return clauses;
    }

    static SearchFilter parse(String filter, Target target) {
        if (filter == null || filter.isBlank()) {
            return new SearchFilter(List.of());
        }
        return new Parser(filter, target).parse();
    }

    boolean matches(Subject subject) {
        for (Clause c : clauses) {
            if (!holds(c, subject)) {
                return false;
            }
        }
        return true;
    }

    boolean matches(MlflowExperiment e) {
        return matches(new Subject() {
            @Override
            public Object attribute(String key) {
                return switch (key) {
                    case "name" -> e.name();
                    case "lifecycle_stage" -> e.lifecycleStage().wire();
                    case "creation_time" -> e.createdAt().toEpochMilli();
                    case "last_update_time" -> e.updatedAt().toEpochMilli();
                    default -> null;
                };
            }

            @Override
            public String param(String key) {
                return null;
            }

            @Override
            public String tag(String key) {
                return e.tags().get(key);
            }

            @Override
            public Double metric(String key) {
                return null;
            }
        });
    }

    private static boolean holds(Clause c, Subject s) {
        Object actual = switch (c.entity()) {
            case METRIC -> s.metric(c.key());
            case PARAM -> s.param(c.key());
            case TAG -> s.tag(c.key());
            case ATTRIBUTE -> s.attribute(c.key());
        };
        if (actual == null) {
            return false; // as in SQL: a run without the key matches neither = nor !=
        }
        if (c.number() != null) {
            double value = ((Number) actual).doubleValue();
            return switch (c.op()) {
                case "=" -> value == c.number();
                case "!=" -> value != c.number();
                case "<" -> value < c.number();
                case "<=" -> value <= c.number();
                case ">" -> value > c.number();
                default -> value >= c.number();
            };
        }
        boolean equal = actual.toString().equals(c.text());
        return c.op().equals("=") == equal;
    }

    /** A hand-written scanner: the grammar is four tokens and AND. */
    private static final class Parser {
        private final String text;
        private final Target target;
        private int at;

        Parser(String text, Target target) {
            this.text = text;
            this.target = target;
        }

        SearchFilter parse() {
            List<Clause> clauses = new ArrayList<>();
            while (true) {
                clauses.add(clause());
                space();
                if (at >= text.length()) {
                    return new SearchFilter(clauses);
                }
                String word = word();
                if (word.equalsIgnoreCase("OR")) {
                    throw unsupported("OR", "only AND joins clauses");
                }
                if (!word.equalsIgnoreCase("AND")) {
                    throw invalid("expected AND after a clause, found '" + (word.isEmpty() ? rest() : word) + "'");
                }
            }
        }

        private Clause clause() {
            space();
            if (at < text.length() && text.charAt(at) == '(') {
                throw unsupported("(", "parentheses are not supported");
            }
            String identifier = identifier();
            int dot = identifier.indexOf('.');
            String prefix = dot < 0 ? "" : identifier.substring(0, dot).toLowerCase(Locale.ROOT);
            String key = dot < 0 ? identifier : identifier.substring(dot + 1);
            if (text.startsWith("`", at) || (text.startsWith("\"", at) && identifier.endsWith("."))) {
                key = key + quoted();
            }
            Entity entity = entity(prefix, identifier);
            space();
            String op = operator();
            space();
            String value = null;
            Double number = null;
            if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
                value = quoted();
            } else if (at < text.length() && text.charAt(at) == '(') {
                throw unsupported("(", "value lists (IN) are not supported");
            } else {
                String literal = word();
                try {
                    number = Double.parseDouble(literal);
                } catch (NumberFormatException e) {
                    throw invalid("expected a quoted string or a number after '" + identifier + " " + op + "', found '"
                            + (literal.isEmpty() ? rest() : literal) + "'");
                }
            }
            return check(new Clause(entity, key, op, value, number), identifier);
        }

        private Clause check(Clause c, String identifier) {
            boolean numeric = switch (c.entity()) {
                case METRIC -> true;
                case PARAM, TAG -> false;
                case ATTRIBUTE -> {
                    if (NUMBER_ATTRIBUTES.get(target).contains(c.key())) {
                        yield true;
                    }
                    if (TEXT_ATTRIBUTES.get(target).contains(c.key())) {
                        yield false;
                    }
                    throw unsupported(identifier, "attributes supported here: " + String.join(", ",
                            new java.util.TreeSet<>(union(target))) + "; prefix metrics., params. or tags. for those");
                }
            };
            if (numeric && c.number() == null) {
                throw invalid("'" + identifier + "' compares with a number, not the string '" + Keys.shorten(c.text()) + "'");
            }
            if (!numeric && c.text() == null) {
                throw invalid("'" + identifier + "' compares with a quoted string, not the number " + c.number());
            }
            if (!numeric && !c.op().equals("=") && !c.op().equals("!=")) {
                throw unsupported(identifier + " " + c.op(), "strings compare with = and != only");
            }
            return c;
        }

        private static Set<String> union(Target target) {
            Set<String> all = new java.util.HashSet<>(TEXT_ATTRIBUTES.get(target));
            all.addAll(NUMBER_ATTRIBUTES.get(target));
            return all;
        }

        private Entity entity(String prefix, String identifier) {
            Entity entity = switch (prefix) {
                case "" , "attribute", "attributes", "attr", "run" -> Entity.ATTRIBUTE;
                case "metric", "metrics" -> Entity.METRIC;
                case "param", "params", "parameter", "parameters" -> Entity.PARAM;
                case "tag", "tags" -> Entity.TAG;
                default -> throw unsupported(identifier, "the entity '" + prefix + "' is not one of metrics, params, tags,"
                        + " attributes");
            };
            if (target == Target.EXPERIMENTS && (entity == Entity.METRIC || entity == Entity.PARAM)) {
                throw unsupported(identifier, "experiments are searched by attributes and tags only");
            }
            return entity;
        }

        private String identifier() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_.-/:".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (at == start) {
                if (at < text.length() && (text.charAt(at) == '`' || text.charAt(at) == '"')) {
                    return quoted();
                }
                throw invalid("expected an identifier such as metrics.loss, found '" + rest() + "'");
            }
            return text.substring(start, at);
        }

        private String operator() {
            for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (text.startsWith(op, at)) {
                    at += op.length();
                    return op;
                }
            }
            String word = word();
            if (word.equalsIgnoreCase("LIKE") || word.equalsIgnoreCase("ILIKE") || word.equalsIgnoreCase("IN")
                    || word.equalsIgnoreCase("NOT") || word.equalsIgnoreCase("IS")) {
                throw unsupported(word.toUpperCase(Locale.ROOT), "comparisons supported: " + String.join(" ",
                        List.of("=", "!=", "<", "<=", ">", ">=")));
            }
            throw invalid("expected a comparison (=, !=, <, <=, >, >=), found '" + (word.isEmpty() ? rest() : word) + "'");
        }

        private String quoted() {
            char quote = text.charAt(at);
            int end = text.indexOf(quote, at + 1);
            if (end < 0) {
                throw invalid("the quote " + quote + " opened at character " + (at + 1) + " is never closed");
            }
            String value = text.substring(at + 1, end);
            at = end + 1;
            return value;
        }

        private String word() {
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "()'\"`".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private String rest() {
            return at >= text.length() ? "the end" : Keys.shorten(text.substring(at));
        }

        private MlflowException unsupported(String part, String why) {
            return MlflowException.invalid("Invalid filter '" + Keys.shorten(text) + "': '" + Keys.shorten(part)
                    + "' is not supported (" + why + ")");
        }

        private MlflowException invalid(String why) {
            return MlflowException.invalid("Invalid filter '" + Keys.shorten(text) + "': " + why);
        }
    }
}
