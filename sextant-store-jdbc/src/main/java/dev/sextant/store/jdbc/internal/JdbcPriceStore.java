package dev.sextant.store.jdbc.internal;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PriceStore;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A workspace's price overrides, one row per tier. */
final class JdbcPriceStore implements PriceStore {
    private static final String COLUMNS = "id, model, provider, match_pattern, valid_from, valid_to,"
            + " above_prompt_tokens, input_per_m, output_per_m, cache_read_per_m, cache_write_per_m, reasoning_per_m";

    private final Database database;
    private final Clock clock;

    JdbcPriceStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<StoredPrice> list(WorkspaceId workspace) {
        return database.read("listing prices", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM model_prices"
                    + " WHERE workspace_id = ? ORDER BY model, valid_from, above_prompt_tokens, id")) {
                select.setString(1, workspace.value());
                List<StoredPrice> prices = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        prices.add(read(rs));
                    }
                }
                return prices;
            }
        });
    }

    @Override
    public StoredPrice add(WorkspaceId workspace, ModelPrice p) {
        String id = Ids.next("price_");
        return database.write("adding a price for " + p.model(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO model_prices (workspace_id, " + COLUMNS
                    + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), id, p.model(), p.provider(),
                        p.matchPattern(), p.validFrom(), p.validTo(), p.abovePromptTokens(), p.input(), p.output(),
                        p.cacheRead(), p.cacheWrite(), p.reasoning(), clock.instant()));
                insert.executeUpdate();
            }
            return new StoredPrice(id, p);
        });
    }

    @Override
    public boolean delete(WorkspaceId workspace, String priceId) {
        return database.write("deleting price " + priceId, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM model_prices WHERE workspace_id = ? AND id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, priceId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static StoredPrice read(ResultSet rs) throws SQLException {
        LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
        return new StoredPrice(rs.getString("id"), new ModelPrice(rs.getString("model"), rs.getString("provider"),
                rs.getString("match_pattern"), rs.getObject("valid_from", LocalDate.class), validTo,
                rs.getLong("above_prompt_tokens"), plain(rs, "input_per_m"), plain(rs, "output_per_m"),
                plain(rs, "cache_read_per_m"), plain(rs, "cache_write_per_m"), plain(rs, "reasoning_per_m")));
    }

    /** As entered, without the column's trailing zeros: 15.000000000 reads back as 15, 0.075 as 0.075. */
    private static BigDecimal plain(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
