package dev.sextant.server.learnings;

/** A client's text inside one of our messages: at most 60 characters, control characters as '?'. */
final class Shown {
    private Shown() {}

    static String text(String raw) {
        String cut = raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
