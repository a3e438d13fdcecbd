package dev.sextant.server.budgets;

import java.util.Locale;

/** The budget check's answer, in increasing severity. */
enum Decision {
    ALLOW, WARN, DENY;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
