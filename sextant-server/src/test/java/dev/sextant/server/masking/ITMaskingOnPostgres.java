package dev.sextant.server.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same ingest on PostgreSQL, checked by SELECTs over every text column of every table in the
 * schema: no original anywhere, the masks where they belong.
 */
class ITMaskingOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_mask_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);
    static final MaskingTraffic traffic = new MaskingTraffic(server);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void noTextColumnHoldsAnOriginal() throws SQLException {
        String key = traffic.workspace("mask-pg");
        Response put = traffic.put(key, MaskingTraffic.RULES);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        traffic.ingest(key, "pg");
        String other = traffic.workspace("mask-pg-other");
        traffic.ingest(other, "pgo");

        try (Connection c = DriverManager.getConnection(URL, "postgres", null)) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = ? AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')")) {
                q.setString(1, SCHEMA);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            assertThat(columns).extracting(col -> col[0] + "." + col[1]).contains("traces.input", "spans.attributes",
                    "scores.comment", "traces.metadata");
            // every original: nowhere in the rules' workspace; cards and keys nowhere at all (the defaults mask them)
            String strictWorkspace = "(SELECT id FROM " + SCHEMA + ".workspaces WHERE slug = 'mask-pg')";
            for (String original : MaskingTraffic.ORIGINALS) {
                for (String[] col : columns) {
                    boolean scoped = !inDefaults(original) ? false : hasWorkspaceId(c, col[0]);
                    String sql = "SELECT count(*) FROM " + SCHEMA + "." + col[0] + " WHERE CAST(\"" + col[1]
                            + "\" AS TEXT) LIKE ? ESCAPE '!'" + (scoped ? " AND workspace_id = " + strictWorkspace : "");
                    try (PreparedStatement q = c.prepareStatement(sql)) {
                        q.setString(1, "%" + original.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                        try (ResultSet rs = q.executeQuery()) {
                            rs.next();
                            assertThat(rs.getLong(1)).as(col[0] + "." + col[1] + " holds " + original).isZero();
                        }
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT input, output FROM " + SCHEMA
                    + ".traces WHERE id = 'pg-t1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("input")).contains("[PAYMENT_CARD]", "[EMAIL:", "[PHONE]", "[ORDER_REF]");
                assertThat(rs.getString("output")).contains("[EMAIL:");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT input FROM " + SCHEMA
                    + ".traces WHERE id = 'pgo-t1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("input")).contains("[PAYMENT_CARD]", MaskingTraffic.EMAIL);
            }
        }
    }

    /** Originals the default rules leave alone (the other workspace stores them as sent). */
    private static boolean inDefaults(String original) {
        return List.of(MaskingTraffic.EMAIL, MaskingTraffic.URL_EMAIL, MaskingTraffic.PHONE, MaskingTraffic.IP,
                MaskingTraffic.ORDER, MaskingTraffic.USER).contains(original);
    }

    private static boolean hasWorkspaceId(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = ? AND column_name = 'workspace_id'")) {
            q.setString(1, SCHEMA);
            q.setString(2, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
