package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PriceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A small real PriceStore kept in memory, for unit tests that do not need a database. */
final class InMemoryPriceStore implements PriceStore {

    private final Map<WorkspaceId, List<StoredPrice>> prices = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();

    @Override
    public List<StoredPrice> list(WorkspaceId workspace) {
        listCalls.incrementAndGet();
        return List.copyOf(prices.getOrDefault(workspace, List.of()));
    }

    @Override
    public StoredPrice add(WorkspaceId workspace, ModelPrice price) {
        StoredPrice stored = new StoredPrice("price_" + ids.incrementAndGet(), price);
        prices.computeIfAbsent(workspace, w -> new ArrayList<>()).add(stored);
        return stored;
    }

    @Override
    public boolean delete(WorkspaceId workspace, String priceId) {
        List<StoredPrice> list = prices.get(workspace);
        return list != null && list.removeIf(p -> p.id().equals(priceId));
    }
}
