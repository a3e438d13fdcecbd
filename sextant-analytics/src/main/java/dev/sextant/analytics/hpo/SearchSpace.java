package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoParameterType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked search space: 1 to {@value #MAX_PARAMETERS} parameters, each float or int with
 * {@code low < high} (and {@code low > 0} on a log scale; an int's bounds whole numbers) or
 * categorical with 1 to {@value #MAX_VALUES} distinct string, number or boolean values.
 * Every search works in the unit cube: a float or int maps to [0, 1] on its linear or log scale,
 * a categorical to the middle of its value's equal slice of [0, 1].
 */
public final class SearchSpace {
    public static final int MAX_PARAMETERS = 32;
    public static final int MAX_VALUES = 100;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private final List<HpoParameter> parameters;

    private SearchSpace(List<HpoParameter> parameters) {
        this.parameters = parameters;
    }

    /** The space, with categorical values in canonical form; throws listing every problem. */
    public static SearchSpace of(List<HpoParameter> parameters) {
        List<SpaceProblem> problems = new ArrayList<>();
        List<HpoParameter> checked = check(parameters, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpaceException(problems);
        }
        return new SearchSpace(checked);
    }

    /** The parameters as they should be stored (categorical values canonical); problems added to {@code problems}. */
    public static List<HpoParameter> check(List<HpoParameter> parameters, List<SpaceProblem> problems) {
        if (parameters.isEmpty() || parameters.size() > MAX_PARAMETERS) {
            problems.add(new SpaceProblem(null, null, "a search space has 1 to " + MAX_PARAMETERS + " parameters, this one has "
                    + parameters.size()));
        }
        List<HpoParameter> out = new ArrayList<>();
        for (HpoParameter p : parameters) {
            out.add(checkOne(p, problems));
        }
        return out;
    }

    private static HpoParameter checkOne(HpoParameter p, List<SpaceProblem> problems) {
        String n = p.name();
        if (!NAME.matcher(n).matches()) {
            problems.add(new SpaceProblem(n, null, "parameter name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-',"
                    + " starting with a letter or '_', was '" + HpoValues.shorten(n) + "'"));
        }
        if (p.type() == HpoParameterType.CATEGORICAL) {
            if (p.low() != null || p.high() != null || p.log()) {
                problems.add(new SpaceProblem(n, null, n + " is categorical: it has values, not low, high or log"));
            }
            List<Object> values = p.values() == null ? List.of() : p.values();
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                problems.add(new SpaceProblem(n, "values", n + " is categorical and needs 1 to " + MAX_VALUES
                        + " values, has " + values.size()));
            }
            List<Object> canonical = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (Object v : values) {
                Object c = HpoValues.canonical(v);
                if (!(c instanceof String || c instanceof Long || c instanceof Boolean
                        || c instanceof Double d && Double.isFinite(d))) {
                    problems.add(new SpaceProblem(n, "values", n + " values are strings, finite numbers or booleans, one was "
                            + HpoValues.shorten(v)));
                } else if (c instanceof String s && (s.length() > MAX_VALUE_LENGTH || s.indexOf('\u0000') >= 0)) {
                    problems.add(new SpaceProblem(n, "values", n + " values are at most " + MAX_VALUE_LENGTH
                            + " characters without NUL, one was '" + HpoValues.shorten(s) + "'"));
                } else if (!seen.add(c)) {
                    problems.add(new SpaceProblem(n, "values", n + " lists the value " + HpoValues.shorten(c) + " twice"));
                }
                canonical.add(c);
            }
            return new HpoParameter(n, p.type(), null, null, false, canonical);
        }
        if (p.values() != null) {
            problems.add(new SpaceProblem(n, "values", n + " is " + p.type().wire() + ": it has low and high, not values"));
        }
        Double low = p.low();
        Double high = p.high();
        if (low == null || !Double.isFinite(low)) {
            problems.add(new SpaceProblem(n, "low", n + ".low must be a finite number, was " + low));
        }
        if (high == null || !Double.isFinite(high)) {
            problems.add(new SpaceProblem(n, "high", n + ".high must be a finite number, was " + high));
        }
        if (low == null || high == null || !Double.isFinite(low) || !Double.isFinite(high)) {
            return p;
        }
        if (p.type() == HpoParameterType.INT && (low != Math.rint(low) || high != Math.rint(high))) {
            problems.add(new SpaceProblem(n, low != Math.rint(low) ? "low" : "high", n + " is int: low and high must be whole"
                    + " numbers, were " + low + " and " + high));
        }
        if (!(low < high)) {
            problems.add(new SpaceProblem(n, "low", n + ".low (" + low + ") must be below high (" + high + ")"));
        }
        if (p.log() && !(low > 0)) {
            problems.add(new SpaceProblem(n, "low", n + " is on a log scale, so low must be above 0, was " + low));
        }
        return p;
    }

    public List<HpoParameter> parameters() {
        return parameters;
    }

    public int size() {
        return parameters.size();
    }

    /**
     * The values in canonical form (an int as Long), in the space's order; problems for every
     * missing, unknown, wrong-typed or out-of-range parameter.
     */
    public Map<String, Object> check(Map<String, Object> values, List<SpaceProblem> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (HpoParameter p : parameters) {
            known.add(p.name());
            if (!values.containsKey(p.name()) || values.get(p.name()) == null) {
                problems.add(new SpaceProblem(p.name(), null, p.name() + " is missing; every parameter of the search space"
                        + " needs a value"));
                continue;
            }
            Object v = HpoValues.canonical(values.get(p.name()));
            String problem = outside(p, v);
            if (problem != null) {
                problems.add(new SpaceProblem(p.name(), null, problem));
            }
            out.put(p.name(), p.type() == HpoParameterType.FLOAT && v instanceof Number num ? num.doubleValue() : v);
        }
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                problems.add(new SpaceProblem(name, null, "'" + HpoValues.shorten(name) + "' is not a parameter of the search"
                        + " space (" + String.join(", ", parameters.stream().map(HpoParameter::name).toList()) + ")"));
            }
        }
        return out;
    }

    private static String outside(HpoParameter p, Object v) {
        String n = p.name();
        return switch (p.type()) {
            case CATEGORICAL -> p.values().stream().anyMatch(c -> HpoValues.same(c, v)) ? null
                    : n + " must be one of " + p.values() + ", was " + HpoValues.shorten(v);
            case INT -> !(v instanceof Long l) ? n + " is int: it must be a whole number, was " + HpoValues.shorten(v)
                    : l < p.low() || l > p.high() ? n + " must be between " + p.low().longValue() + " and "
                            + p.high().longValue() + ", was " + l : null;
            case FLOAT -> !(v instanceof Number num) || !Double.isFinite(num.doubleValue())
                    ? n + " is float: it must be a finite number, was " + HpoValues.shorten(v)
                    : num.doubleValue() < p.low() || num.doubleValue() > p.high() ? n + " must be between " + p.low()
                            + " and " + p.high() + ", was " + num : null;
        };
    }

    /** The point of the unit cube these (checked) values sit at, one coordinate per parameter. */
    public double[] toUnit(Map<String, Object> values) {
        double[] u = new double[parameters.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = toUnit(parameters.get(i), values.get(parameters.get(i).name()));
        }
        return u;
    }

    static double toUnit(HpoParameter p, Object v) {
        if (p.type() == HpoParameterType.CATEGORICAL) {
            int k = p.values().size();
            for (int j = 0; j < k; j++) {
                if (HpoValues.same(p.values().get(j), v)) {
                    return (j + 0.5) / k;
                }
            }
            return 0.5;
        }
        double x = ((Number) v).doubleValue();
        double u = p.log() ? (Math.log(x) - Math.log(p.low())) / (Math.log(p.high()) - Math.log(p.low()))
                : (x - p.low()) / (p.high() - p.low());
        return Math.min(1, Math.max(0, u));
    }

    /** The values at a point of the unit cube: ints rounded, categoricals the value of the slice. */
    public Map<String, Object> fromUnit(double[] u) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            HpoParameter p = parameters.get(i);
            out.put(p.name(), fromUnit(p, Math.min(1, Math.max(0, u[i]))));
        }
        return out;
    }

    static Object fromUnit(HpoParameter p, double u) {
        if (p.type() == HpoParameterType.CATEGORICAL) {
            int k = p.values().size();
            return p.values().get(Math.min(k - 1, (int) Math.floor(u * k)));
        }
        double x = p.log() ? Math.exp(Math.log(p.low()) + u * (Math.log(p.high()) - Math.log(p.low())))
                : p.low() + u * (p.high() - p.low());
        x = Math.min(p.high(), Math.max(p.low(), x));
        if (p.type() == HpoParameterType.INT) {
            return Math.round(x); // boxed as Long (a conditional expression would make it a double)
        }
        return x;
    }

    /** Whether two value maps are the same point of this space. */
    public boolean same(Map<String, Object> a, Map<String, Object> b) {
        for (HpoParameter p : parameters) {
            if (!HpoValues.same(HpoValues.canonical(a.get(p.name())), HpoValues.canonical(b.get(p.name())))) {
                return false;
            }
        }
        return true;
    }
}
