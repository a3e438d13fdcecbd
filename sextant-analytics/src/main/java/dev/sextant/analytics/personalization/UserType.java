package dev.sextant.analytics.personalization;

import java.util.Locale;

/** How much a user customizes: by the number of parameter changes in the window. */
public enum UserType {
    /** more than 20 changes */
    POWER_USER,
    /** 11 to 20 */
    ACTIVE,
    /** 6 to 10 */
    MODERATE,
    /** 1 to 5 */
    LIGHT,
    /** none */
    NON_CUSTOMIZER;

    public static UserType of(long changes) {
        return changes > 20 ? POWER_USER : changes > 10 ? ACTIVE : changes > 5 ? MODERATE : changes > 0 ? LIGHT
                : NON_CUSTOMIZER;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
