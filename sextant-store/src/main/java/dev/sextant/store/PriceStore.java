package dev.sextant.store;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.WorkspaceId;
import java.util.List;

/** A workspace's own prices, which win over the shipped catalog. */
public interface PriceStore {

    List<StoredPrice> list(WorkspaceId workspace);

    StoredPrice add(WorkspaceId workspace, ModelPrice price);

    boolean delete(WorkspaceId workspace, String priceId);

    record StoredPrice(String id, ModelPrice price) {}
}
