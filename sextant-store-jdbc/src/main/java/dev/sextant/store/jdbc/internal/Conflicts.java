package dev.sextant.store.jdbc.internal;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises a unique-key violation, which the two databases report differently. */
final class Conflicts {
    private Conflicts() {}

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true; // PostgreSQL
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("duplicate key") || message.contains("violates unique constraint")) {
                return true; // DuckDB: "Constraint Error: Duplicate key ..."
            }
        }
        return false;
    }
}
