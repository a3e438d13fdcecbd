package dev.sextant.server.prices;

import dev.sextant.model.ModelPrice;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A price tier in USD per 1M tokens; {@code id} only for a workspace override. */
record PriceView(
        String id,
        String model,
        String provider,
        String matchPattern,
        LocalDate validFrom,
        LocalDate validTo,
        long abovePromptTokens,
        BigDecimal input,
        BigDecimal output,
        BigDecimal cacheRead,
        BigDecimal cacheWrite,
        BigDecimal reasoning) {

    static PriceView of(String id, ModelPrice p) {
        return new PriceView(id, p.model(), p.provider(), p.matchPattern(), p.validFrom(), p.validTo(),
                p.abovePromptTokens(), p.input(), p.output(), p.cacheRead(), p.cacheWrite(), p.reasoning());
    }
}
