package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoMethod;
import dev.sextant.store.hpo.HpoParameter;
import dev.sextant.store.hpo.HpoTrial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid search. Resolution: a float parameter takes {@value #FLOAT_POINTS} evenly spaced values on
 * its scale (linear or log) from low to high inclusive; an int takes every whole number when it
 * has at most {@value #INT_POINTS}, else {@value #INT_POINTS} evenly spaced (rounded) values; a
 * categorical takes each of its values. Points are enumerated with the first parameter varying
 * slowest; the next suggestion is the first point no trial (of any status) has run yet.
 */
public final class GridSearch {
    public static final int FLOAT_POINTS = 5;
    public static final int INT_POINTS = 10;

    private GridSearch() {}

    /** Each parameter's grid values, in the space's order. */
    public static List<List<Object>> axes(SearchSpace space) {
        List<List<Object>> axes = new ArrayList<>();
        for (HpoParameter p : space.parameters()) {
            axes.add(axis(p));
        }
        return axes;
    }

    static List<Object> axis(HpoParameter p) {
        return switch (p.type()) {
            case CATEGORICAL -> p.values();
            case FLOAT -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < FLOAT_POINTS; i++) {
                    double x = (double) SearchSpace.fromUnit(p, i / (double) (FLOAT_POINTS - 1));
                    values.add(new BigDecimal(x).round(new MathContext(12)).doubleValue());
                }
                yield values;
            }
            case INT -> {
                long low = p.low().longValue();
                long high = p.high().longValue();
                List<Object> values = new ArrayList<>();
                if (high - low + 1 <= INT_POINTS) {
                    for (long v = low; v <= high; v++) {
                        values.add(v);
                    }
                } else {
                    for (int i = 0; i < INT_POINTS; i++) {
                        Object v = SearchSpace.fromUnit(p, i / (double) (INT_POINTS - 1));
                        if (!values.contains(v)) {
                            values.add(v);
                        }
                    }
                }
                yield values;
            }
        };
    }

    /** How many points the grid has (saturating at Long.MAX_VALUE). */
    public static long size(SearchSpace space) {
        long size = 1;
        for (List<Object> axis : axes(space)) {
            size = Math.multiplyHigh(size, axis.size()) != 0 || size * axis.size() < 0 ? Long.MAX_VALUE : size * axis.size();
        }
        return size;
    }

    /** The grid point with this index (first parameter slowest). */
    static Map<String, Object> point(SearchSpace space, List<List<Object>> axes, long index) {
        Object[] chosen = new Object[axes.size()];
        long rest = index;
        for (int i = axes.size() - 1; i >= 0; i--) {
            int k = axes.get(i).size();
            chosen[i] = axes.get(i).get((int) (rest % k));
            rest /= k;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < chosen.length; i++) {
            values.put(space.parameters().get(i).name(), chosen[i]);
        }
        return values;
    }

    public static Suggestion next(SearchSpace space, List<HpoTrial> trials) {
        List<List<Object>> axes = axes(space);
        long size = size(space);
        // at most trials.size() points can be taken, so the first free one is among the first trials.size() + 1
        long limit = Math.min(size, trials.size() + 1L);
        java.util.Set<List<Object>> tried = new java.util.HashSet<>();
        for (HpoTrial t : trials) {
            tried.add(key(space, t.spec().hyperparameters()));
        }
        for (long i = 0; i < limit; i++) {
            Map<String, Object> candidate = point(space, axes, i);
            if (!tried.contains(key(space, candidate))) {
                return new Suggestion(candidate, HpoMethod.GRID, null, "grid point " + (i + 1) + " of " + sizeText(size)
                        + ", the first that no trial has run");
            }
        }
        return new Suggestion(null, HpoMethod.GRID, null, "the grid is exhausted: all " + sizeText(size)
                + " points have been tried");
    }

    /** A point as a list of canonical values, in the space's order (grid values compare exactly). */
    private static List<Object> key(SearchSpace space, Map<String, Object> values) {
        List<Object> key = new ArrayList<>();
        for (HpoParameter p : space.parameters()) {
            Object v = HpoValues.canonical(values.get(p.name()));
            key.add(v instanceof Long l && p.type() == dev.sextant.store.hpo.HpoParameterType.FLOAT ? (Object) l.doubleValue() : v);
        }
        return key;
    }

    private static String sizeText(long size) {
        return size == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(size);
    }
}
