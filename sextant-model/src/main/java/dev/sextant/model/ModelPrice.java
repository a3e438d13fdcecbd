package dev.sextant.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One price tier of one model for a validity period, in USD per 1M tokens. A model with
 * context-length tiers has one entry per tier: the entry with the highest
 * {@code abovePromptTokens} that the call's prompt exceeds applies (0 is the base tier).
 * {@code validTo} is exclusive and null while the price is current. Missing cache and reasoning
 * prices fall back to the input and output prices: such tokens are then billed like the rest.
 * {@code matchPattern} is a case-insensitive regular expression over the model name.
 */
public record ModelPrice(
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

    public ModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(matchPattern, "match_pattern");
        Objects.requireNonNull(validFrom, "valid_from");
        Objects.requireNonNull(input, "input price");
        Objects.requireNonNull(output, "output price");
        if (abovePromptTokens < 0) {
            throw new IllegalArgumentException("above_prompt_tokens must not be negative, was " + abovePromptTokens);
        }
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("valid_to (" + validTo + ") must be after valid_from (" + validFrom + ")");
        }
    }

    public BigDecimal cacheReadOrInput() {
        return cacheRead != null ? cacheRead : input;
    }

    public BigDecimal cacheWriteOrInput() {
        return cacheWrite != null ? cacheWrite : input;
    }

    public BigDecimal reasoningOrOutput() {
        return reasoning != null ? reasoning : output;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
