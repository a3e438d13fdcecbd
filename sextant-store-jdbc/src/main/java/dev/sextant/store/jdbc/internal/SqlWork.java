package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection; may throw SQLException, which the caller turns into ours. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
