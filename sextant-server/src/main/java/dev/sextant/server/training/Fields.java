package dev.sextant.server.training;

/** Checks of names (metrics, tags, parameter keys) shared by the training bodies; text fields use {@link dev.sextant.server.web.TextFields}. */
final class Fields {
    /** The longest value a training endpoint takes in a query parameter. */
    static final int MAX_PARAMETER = 512;

    private Fields() {}


    /** Why a name (metric, tag, parameter key) is refused, or null when it is fine. */
    static String badName(String what, String name, int max) {
        if (name.isEmpty()) {
            return what + " is empty";
        }
        if (name.length() > max) {
            return what + " is " + name.length() + " characters, over the limit of " + max;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return what + " '" + shorten(name) + "' contains a control character (U+"
                        + String.format("%04X", (int) name.charAt(i)) + ")";
            }
        }
        return null;
    }

    static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }

    /** A JSON Pointer token (RFC 6901). */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
