package dev.sextant.store.jdbc.internal;

import dev.sextant.store.EffectivenessReader;
import dev.sextant.store.ExportReader;
import dev.sextant.store.InteractionReader;
import dev.sextant.store.TrendReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Benchmark-only (it lives in the benchmarks jar, in the store's package to reach its readers):
 * the store's own DuckDB readers, run on one given connection that records every statement they
 * execute with its bound values. The benchmark then runs exactly those statements on a bare
 * JDBC connection, so "the bare query" is the SQL the store runs, not a copy that could drift.
 */
public final class StatementRecorder {

    /** One executed statement: its SQL text and the values bound to its parameters, in order. */
    public record Recorded(String sql, List<Object> values) {}

    private final List<Recorded> recorded = new ArrayList<>();
    private final Database database;

    public StatementRecorder(Connection connection) {
        Connection recording = proxy(Connection.class, connection, (method, args, real) -> {
            if (method.getName().equals("close")) {
                return null; // the caller owns the connection; every read would close it
            }
            Object result = real.get();
            if (method.getName().equals("prepareStatement")) {
                return recordingStatement((PreparedStatement) result, (String) args[0]);
            }
            return result;
        });
        DataSource source = proxy(DataSource.class, null, (method, args, real) -> {
            if (method.getName().equals("getConnection")) {
                return recording;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        this.database = new Database(Dialect.DUCKDB) {
            @Override
            <T> T write(String what, SqlWork<T> work) {
                throw new UnsupportedOperationException("the recorder only reads");
            }

            @Override
            DataSource readers() {
                return source;
            }

            @Override
            void streamResults(Connection c, boolean on) throws SQLException {
                try (Statement s = c.createStatement()) {
                    s.execute("SET jdbc_stream_results = " + on); // as DuckDbDatabase does for an export
                }
            }

            @Override
            public void close() {}
        };
    }

    public InteractionReader interactions() {
        return new JdbcInteractionReader(database);
    }

    public TrendReader trends() {
        return new JdbcTrendReader(database);
    }

    public EffectivenessReader effectiveness() {
        return new JdbcEffectivenessReader(database);
    }

    public ExportReader exports() {
        return new JdbcExportReader(database);
    }

    /** The statements executed since the last call, in order. */
    public List<Recorded> drain() {
        List<Recorded> out = List.copyOf(recorded);
        recorded.clear();
        return out;
    }

    private PreparedStatement recordingStatement(PreparedStatement statement, String sql) {
        List<Object> values = new ArrayList<>();
        return proxy(PreparedStatement.class, statement, (method, args, real) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer at
                    && !name.equals("setFetchSize")) {
                while (values.size() < at) {
                    values.add(null);
                }
                values.set(at - 1, name.equals("setNull") ? null : args[1]);
            } else if (name.startsWith("execute")) {
                recorded.add(new Recorded(sql, Arrays.asList(values.toArray())));
            }
            return real.get();
        });
    }

    private interface Call {
        Object get() throws Throwable;
    }

    private interface Handler {
        Object handle(Method method, Object[] args, Call real) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (self, method, args) -> handler.handle(method, args, () -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
