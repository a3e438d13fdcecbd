package dev.sextant.server.analytics;

import dev.sextant.store.TokenWaste;
import java.time.Instant;
import java.util.List;

/** Token waste as the API answers it: prompt growth, cache use with dollars, repeated prompts. */
record CostWasteView(Instant dataAsOf, Growth promptGrowth, List<CostCacheUse> cache,
        TokenWaste.RepeatedPrompts repeatedPrompts) {

    record Growth(int minTurns, long conversations, long growing, List<TokenWaste.Conversation> fastest) {
    }

    static CostWasteView of(TokenWaste w, int minTurns, List<CostCacheUse> cache, Instant queriedAt) {
        return new CostWasteView(w.dataAsOf() == null ? queriedAt : w.dataAsOf(), new Growth(minTurns,
                w.growth().conversations(), w.growth().growing(), w.growth().fastest()), cache, w.repeated());
    }
}
