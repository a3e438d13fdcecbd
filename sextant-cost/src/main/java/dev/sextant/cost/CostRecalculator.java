package dev.sextant.cost;

import dev.sextant.model.CostSource;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostStore;
import dev.sextant.store.CostStore.CostUpdate;
import dev.sextant.store.CostStore.PricedSpan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reprices the stored spans of a time range after prices changed: spans whose cost we computed
 * (calculated or estimated; reported costs are never touched) get the cost that the current
 * catalog and the workspace's current overrides give for the day each span ran. Works in
 * bounded batches, each written in one store transaction, so memory stays flat on any range.
 */
public final class CostRecalculator {

    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** Decimal places of money in the stores. */
    static final int STORED_SCALE = 9;

    private final CostStore costs;
    private final CatalogCostAccountant pricing;
    private final int batchSize;

    public CostRecalculator(CostStore costs, CatalogCostAccountant pricing) {
        this(costs, pricing, DEFAULT_BATCH_SIZE);
    }

    public CostRecalculator(CostStore costs, CatalogCostAccountant pricing, int batchSize) {
        this.costs = Objects.requireNonNull(costs, "costs");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be between 1 and 100000, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Reprices the spans started in [from, to). {@code before} and {@code after} are the total
     * cost of the examined spans before and after; {@code unpriced} counts spans whose model
     * has no price any more (their cost becomes null).
     */
    public Result recalculate(WorkspaceId workspace, Instant from, Instant to) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        pricing.invalidate(workspace); // reprice with the overrides as they are now
        Tally tally = new Tally();
        String afterId = null;
        while (true) {
            List<PricedSpan> batch = costs.pricedSpans(workspace, from, to, afterId, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            List<CostUpdate> updates = new ArrayList<>();
            for (PricedSpan span : batch) {
                CostUpdate update = reprice(workspace, span, tally);
                if (update != null) {
                    updates.add(update);
                }
            }
            if (!updates.isEmpty()) {
                costs.updateCosts(workspace, updates);
            }
            afterId = batch.get(batch.size() - 1).id();
            if (batch.size() < batchSize) {
                break;
            }
        }
        return tally.result();
    }

    private CostUpdate reprice(WorkspaceId workspace, PricedSpan span, Tally tally) {
        if (span.costSource() == CostSource.REPORTED) {
            return null; // the SPI promises none, but a reported cost must never be overwritten
        }
        tally.examined++;
        tally.before = tally.before.add(span.costUsd() == null ? BigDecimal.ZERO : span.costUsd());
        BigDecimal cost = span.usage() == null ? null
                : pricing.cost(workspace, span.model(), pricing.dayOf(span.startedAt(), null), span.usage()).orElse(null);
        if (cost == null) {
            tally.unpriced++;
        } else {
            tally.after = tally.after.add(cost);
        }
        CostSource source = cost == null ? null
                : span.usage().estimated() || span.costSource() == CostSource.ESTIMATED
                        ? CostSource.ESTIMATED : CostSource.CALCULATED;
        if (sameAmount(cost, span.costUsd()) && source == span.costSource()) {
            return null;
        }
        tally.changed++;
        return new CostUpdate(span.id(), span.traceId(), cost, source);
    }

    /**
     * Equal as stored: the stores keep 9 decimals (DECIMAL(18,9)), so an exact cost with more
     * (possible only with an override priced below a thousandth of a dollar) would otherwise
     * count as changed on every run.
     */
    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && stored(a).compareTo(stored(b)) == 0;
    }

    private static BigDecimal stored(BigDecimal amount) {
        return amount.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
    }

    /** What a recalculation looked at and what it changed; money in USD. */
    public record Result(long examined, long changed, long unpriced, BigDecimal before, BigDecimal after) {}

    private static final class Tally {
        long examined;
        long changed;
        long unpriced;
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;

        Result result() {
            return new Result(examined, changed, unpriced, before, after);
        }
    }
}
