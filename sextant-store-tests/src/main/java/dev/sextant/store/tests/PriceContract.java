package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PriceStore.StoredPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class PriceContract extends StoreContract {

    static ModelPrice price(String model, long above, String input, String output) {
        return new ModelPrice(model, "google", "(?i)^" + model + "(-\\d+)?$", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), above, new BigDecimal(input), new BigDecimal(output),
                new BigDecimal("0.01875"), null, new BigDecimal("0.3"));
    }

    @Test
    public void addedPricesAreListedWithEveryField() {
        WorkspaceId ws = newWorkspace();
        StoredPrice base = store().prices().add(ws, price("gemini-1.5-flash", 0, "0.075", "0.3"));
        StoredPrice tier = store().prices().add(ws, price("gemini-1.5-flash", 128_000, "0.15", "0.6"));

        assertThat(base.id()).startsWith("price_");
        List<StoredPrice> listed = store().prices().list(ws);
        assertThat(listed).extracting(StoredPrice::id).containsExactly(base.id(), tier.id());
        assertThat(listed).extracting(StoredPrice::price).containsExactly(base.price(), tier.price());
    }

    @Test
    public void anOpenEndedPriceWithoutOptionalPricesRoundTrips() {
        WorkspaceId ws = newWorkspace();
        ModelPrice open = new ModelPrice("my-model", null, "my-model", LocalDate.of(2026, 3, 1), null, 0,
                new BigDecimal("15"), new BigDecimal("60"), null, null, null);
        store().prices().add(ws, open);
        assertThat(store().prices().list(ws)).extracting(StoredPrice::price).containsExactly(open);
    }

    @Test
    public void deleteRemovesOnlyThatPrice() {
        WorkspaceId ws = newWorkspace();
        StoredPrice keep = store().prices().add(ws, price("a", 0, "1", "2"));
        StoredPrice drop = store().prices().add(ws, price("b", 0, "1", "2"));
        assertThat(store().prices().delete(ws, drop.id())).isTrue();
        assertThat(store().prices().delete(ws, drop.id())).isFalse();
        assertThat(store().prices().list(ws)).containsExactly(keep);
    }
}
