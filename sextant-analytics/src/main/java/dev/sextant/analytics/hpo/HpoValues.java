package dev.sextant.analytics.hpo;

/** Hyperparameter values in one canonical form: whole numbers as Long, other numbers as Double. */
final class HpoValues {
    private HpoValues() {}

    static Object canonical(Object value) {
        if (value instanceof Number n && !(n instanceof Long)) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
            return d;
        }
        return value;
    }

    /** Whether two canonical values are the same point (numbers within a relative 1e-9). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return p == q || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q));
        }
        return a != null && a.equals(b);
    }

    static String shorten(Object value) {
        String text = String.valueOf(value).replace('\u0000', '?');
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
