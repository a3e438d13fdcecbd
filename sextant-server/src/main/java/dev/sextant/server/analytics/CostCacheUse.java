package dev.sextant.server.analytics;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.TokenWaste;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cache use per model with dollars from the price that applied each day (the workspace's own, else
 * the catalog's; base tier). Where the model has a cache-read price below its input price:
 * {@code realized_savings_usd} = cache-read tokens × (input − cache-read price), what the cache
 * saved; {@code potential_savings_usd} = uncached input tokens (input − cache read − cache write)
 * × the same difference, an upper bound on what more cache hits could save (not every token of a
 * prompt can be cached). Days without such a price count in {@code days_without_cache_price}.
 */
record CostCacheUse(String model, long calls, long inputTokens, long cacheReadTokens, long cacheWriteTokens,
        Double cacheReadRatio, int daysWithCachePrice, int daysWithoutCachePrice, BigDecimal realizedSavingsUsd,
        BigDecimal potentialSavingsUsd) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    static List<CostCacheUse> of(WorkspaceId workspace, List<TokenWaste.CacheDay> days, CatalogCostAccountant prices) {
        Map<String, List<TokenWaste.CacheDay>> byModel = new LinkedHashMap<>();
        days.forEach(d -> byModel.computeIfAbsent(d.model(), k -> new ArrayList<>()).add(d));
        List<CostCacheUse> result = new ArrayList<>();
        byModel.forEach((model, list) -> {
            long calls = 0;
            long input = 0;
            long read = 0;
            long write = 0;
            int priced = 0;
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal potential = BigDecimal.ZERO;
            for (TokenWaste.CacheDay d : list) {
                calls += d.calls();
                input += d.inputTokens();
                read += d.cacheReadTokens();
                write += d.cacheWriteTokens();
                Optional<BigDecimal> saving = prices.priceFor(workspace, model, d.day(), 0)
                        .filter(p -> p.cacheRead() != null && p.cacheRead().compareTo(p.input()) < 0)
                        .map(p -> p.input().subtract(p.cacheRead()));
                if (saving.isPresent()) {
                    priced++;
                    realized = realized.add(saving.get().multiply(BigDecimal.valueOf(d.cacheReadTokens())));
                    potential = potential.add(saving.get().multiply(BigDecimal.valueOf(
                            d.inputTokens() - d.cacheReadTokens() - d.cacheWriteTokens())));
                }
            }
            result.add(new CostCacheUse(model, calls, input, read, write, input == 0 ? null : read / (double) input,
                    priced, list.size() - priced, priced == 0 ? null : usd(realized), priced == 0 ? null : usd(potential)));
        });
        return result;
    }

    private static BigDecimal usd(BigDecimal perMillion) {
        return perMillion.divide(MILLION, 9, RoundingMode.HALF_EVEN);
    }
}
