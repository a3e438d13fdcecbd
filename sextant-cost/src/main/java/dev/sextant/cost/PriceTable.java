package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices with their patterns compiled once. Picks, for a model name, a day and a prompt size:
 * the prices whose pattern matches the whole name (case-insensitive) and whose period contains
 * the day, then the highest tier whose threshold the prompt exceeds (0 is the base tier, always
 * eligible); on a tie the newest {@code validFrom} wins.
 */
final class PriceTable {

    private static final Comparator<ModelPrice> PREFERENCE = Comparator
            .comparingLong(ModelPrice::abovePromptTokens)
            .thenComparing(ModelPrice::validFrom);

    private final List<Compiled> prices;

    private PriceTable(List<Compiled> prices) {
        this.prices = prices;
    }

    /** Compiles every pattern; a bad pattern is an {@link IllegalArgumentException} naming it. */
    static PriceTable of(List<ModelPrice> prices) {
        List<Compiled> compiled = new ArrayList<>(prices.size());
        for (ModelPrice price : prices) {
            compiled.add(new Compiled(compile(price.matchPattern(), price.model()), price));
        }
        return new PriceTable(List.copyOf(compiled));
    }

    static Pattern compile(String pattern, String model) {
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("match_pattern of model '" + model + "' is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    boolean isEmpty() {
        return prices.isEmpty();
    }

    Optional<ModelPrice> find(String model, LocalDate day, long promptTokens) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String name = model.strip();
        return prices.stream()
                .filter(c -> c.price.validOn(day))
                .filter(c -> c.price.abovePromptTokens() == 0 || promptTokens > c.price.abovePromptTokens())
                .filter(c -> c.pattern.matcher(name).matches())
                .map(Compiled::price)
                .max(PREFERENCE);
    }

    private record Compiled(Pattern pattern, ModelPrice price) {}
}
