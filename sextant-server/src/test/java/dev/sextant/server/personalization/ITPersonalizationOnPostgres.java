package dev.sextant.server.personalization;

import static dev.sextant.server.personalization.PersonalizationTraffic.NOVEMBER;
import static dev.sextant.server.personalization.PersonalizationTraffic.OCTOBER;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same known answers through the server on PostgreSQL, in a fresh schema dropped afterwards. */
class ITPersonalizationOnPostgres {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "sx_personal_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.db.url=" + URL).with("--sextant.db.user=postgres").with("--sextant.db.schema=" + SCHEMA);

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void usersAndSegmentsAnswerAsOnDuckDb() {
        PersonalizationTraffic.ingest(server);
        Response users = server.get("/api/v1/analytics/personalization/users?" + NOVEMBER, ADMIN_KEY);
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        PersonalizationAnswers.checkNovemberUsers(users.json());
        Response segments = server.get("/api/v1/analytics/personalization/segments?" + OCTOBER, ADMIN_KEY);
        assertThat(segments.status()).as(segments.toString()).isEqualTo(200);
        PersonalizationAnswers.checkOctoberSegments(segments.json());
    }
}
