package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.masking.MaskingCount;
import dev.sextant.store.masking.MaskingDayCount;
import dev.sextant.store.masking.MaskingStore;
import dev.sextant.store.masking.StoredMaskingRules;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Masking rules (one row per workspace), the hashing secret, and the daily counters. */
final class JdbcMaskingStore implements MaskingStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database database;
    private final Clock clock;

    JdbcMaskingStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<StoredMaskingRules> rules(WorkspaceId workspace) {
        return database.read("reading masking rules", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT rules, updated_at FROM masking_rules WHERE workspace_id = ?")) {
                select.setString(1, workspace.value());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredMaskingRules(rs.getString("rules"), SqlValues.instant(rs, "updated_at")))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setRules(WorkspaceId workspace, String rulesJson) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        database.write("saving masking rules", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO masking_rules (workspace_id, rules,"
                    + " updated_at) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO UPDATE SET rules = EXCLUDED.rules,"
                    + " updated_at = EXCLUDED.updated_at")) {
                SqlValues.bind(upsert, Arrays.asList(workspace.value(), rulesJson, now));
                upsert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public byte[] hashingSecret(WorkspaceId workspace) {
        Optional<String> existing = database.read("reading the hashing secret", c -> selectSecret(c, workspace));
        if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // the first writer wins; everyone reads back the row that won
        String secret = database.write("creating the hashing secret", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO masking_secrets (workspace_id, secret,"
                    + " created_at) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO NOTHING")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), HexFormat.of().formatHex(fresh), now));
                insert.executeUpdate();
            }
            return selectSecret(c, workspace).orElseThrow();
        });
        return HexFormat.of().parseHex(secret);
    }

    private static Optional<String> selectSecret(java.sql.Connection c, WorkspaceId workspace) throws java.sql.SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT secret FROM masking_secrets WHERE workspace_id = ?")) {
            select.setString(1, workspace.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void addCounts(WorkspaceId workspace, LocalDate day, List<MaskingCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        database.write("adding masking counts", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO masking_counts (workspace_id, day, detector,"
                    + " action, value_count) VALUES (?, CAST(? AS DATE), ?, ?, ?) ON CONFLICT (workspace_id, day, detector,"
                    + " action) DO UPDATE SET value_count = masking_counts.value_count + EXCLUDED.value_count")) {
                for (MaskingCount count : counts) {
                    SqlValues.bind(upsert, Arrays.asList(workspace.value(), day.toString(), count.detector(),
                            count.action(), count.count()));
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<MaskingDayCount> counts(WorkspaceId workspace, LocalDate from, LocalDate to) {
        return database.read("reading masking counts", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT CAST(day AS VARCHAR) AS d, detector, action,"
                    + " value_count FROM masking_counts WHERE workspace_id = ? AND day >= CAST(? AS DATE)"
                    + " AND day <= CAST(? AS DATE) ORDER BY day, detector, action")) {
                SqlValues.bind(select, Arrays.asList(workspace.value(), from.toString(), to.toString()));
                List<MaskingDayCount> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MaskingDayCount(LocalDate.parse(rs.getString("d")), rs.getString("detector"),
                                rs.getString("action"), rs.getLong("value_count")));
                    }
                }
                return out;
            }
        });
    }
}
