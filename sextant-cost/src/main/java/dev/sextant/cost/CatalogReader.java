package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the catalog JSON and checks every rule, naming the entry that breaks one. */
final class CatalogReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String name;

    private CatalogReader(String name) {
        this.name = name;
    }

    static PriceCatalog read(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidPriceCatalogException("price catalog " + name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new CatalogReader(name).catalog(root);
    }

    private PriceCatalog catalog(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("the top level must be a JSON object with version, published and models");
        }
        String version = text(root, "version", "catalog");
        LocalDate published = date(root, "published", "catalog");
        JsonNode models = root.get("models");
        if (models == null || !models.isArray() || models.isEmpty()) {
            throw fail("models must be a non-empty array");
        }
        List<CatalogModel> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            CatalogModel model = model(models.get(i), i);
            if (!names.add(model.model().toLowerCase(java.util.Locale.ROOT))) {
                throw fail(where(i, model.model()) + ": model name appears twice");
            }
            result.add(model);
        }
        return new PriceCatalog(version, published, result);
    }

    private CatalogModel model(JsonNode node, int index) {
        String at = where(index, node == null ? null : node.path("model").asString(null));
        if (node == null || !node.isObject()) {
            throw fail(at + ": must be a JSON object");
        }
        String model = text(node, "model", at);
        String provider = text(node, "provider", at);
        String pattern = text(node, "match_pattern", at);
        String source = text(node, "source", at);
        try {
            PriceTable.compile(pattern, model);
        } catch (IllegalArgumentException e) {
            throw fail(at + ": " + e.getMessage());
        }
        JsonNode periods = node.get("periods");
        if (periods == null || !periods.isArray() || periods.isEmpty()) {
            throw fail(at + ": periods must be a non-empty array");
        }
        List<ModelPrice> prices = new ArrayList<>();
        List<LocalDate[]> spans = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            String periodAt = at + ", period " + (p + 1);
            JsonNode period = periods.get(p);
            LocalDate from = date(period, "valid_from", periodAt);
            LocalDate to = period.hasNonNull("valid_to") ? date(period, "valid_to", periodAt) : null;
            if (to != null && !to.isAfter(from)) {
                throw fail(periodAt + ": valid_to (" + to + ") must be after valid_from (" + from + ")");
            }
            spans.add(new LocalDate[] {from, to});
            prices.addAll(tiers(period.get("tiers"), model, provider, pattern, from, to, periodAt));
        }
        checkNoOverlap(spans, at);
        return new CatalogModel(model, provider, pattern, source, prices);
    }

    private List<ModelPrice> tiers(JsonNode tiers, String model, String provider, String pattern,
            LocalDate from, LocalDate to, String at) {
        if (tiers == null || !tiers.isArray() || tiers.isEmpty()) {
            throw fail(at + ": tiers must be a non-empty array");
        }
        List<ModelPrice> result = new ArrayList<>();
        Set<Long> thresholds = new HashSet<>();
        for (int t = 0; t < tiers.size(); t++) {
            String tierAt = at + ", tier " + (t + 1);
            JsonNode tier = tiers.get(t);
            JsonNode above = tier.get("above_prompt_tokens");
            if (above == null || !above.isIntegralNumber() || above.longValue() < 0) {
                throw fail(tierAt + ": above_prompt_tokens must be a non-negative integer, was " + above);
            }
            if (!thresholds.add(above.longValue())) {
                throw fail(tierAt + ": above_prompt_tokens " + above.longValue() + " appears twice in this period");
            }
            result.add(new ModelPrice(model, provider, pattern, from, to, above.longValue(),
                    price(tier, "input", true, tierAt), price(tier, "output", true, tierAt),
                    price(tier, "cache_read", false, tierAt), price(tier, "cache_write", false, tierAt),
                    price(tier, "reasoning", false, tierAt)));
        }
        if (!thresholds.contains(0L)) {
            throw fail(at + ": needs a base tier with above_prompt_tokens 0");
        }
        return result;
    }

    private void checkNoOverlap(List<LocalDate[]> spans, String at) {
        spans.sort(Comparator.comparing(s -> s[0]));
        for (int i = 1; i < spans.size(); i++) {
            LocalDate previousEnd = spans.get(i - 1)[1];
            if (previousEnd == null || previousEnd.isAfter(spans.get(i)[0])) {
                throw fail(at + ": the period starting " + spans.get(i)[0]
                        + " overlaps the one starting " + spans.get(i - 1)[0]);
            }
        }
    }

    private BigDecimal price(JsonNode tier, String field, boolean required, String at) {
        JsonNode node = tier.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw fail(at + ": " + field + " price is missing");
            }
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString()) {
            try {
                value = new BigDecimal(node.stringValue().strip());
            } catch (NumberFormatException e) {
                throw fail(at + ": " + field + " price must be a decimal number, was \"" + node.stringValue() + "\"");
            }
        } else {
            throw fail(at + ": " + field + " price must be a decimal number, was " + node);
        }
        if (value.signum() < 0) {
            throw fail(at + ": " + field + " price must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    private String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw fail(at + ": " + field + " must be a non-blank string, was " + value);
        }
        return value.stringValue().strip();
    }

    private LocalDate date(JsonNode node, String field, String at) {
        String text = text(node, field, at);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(at + ": " + field + " must be a date like 2024-10-01, was \"" + text + "\"");
        }
    }

    private static String where(int index, String model) {
        return "entry " + (index + 1) + (model == null ? "" : " (model '" + model + "')");
    }

    private InvalidPriceCatalogException fail(String problem) {
        return new InvalidPriceCatalogException("price catalog " + name + ": " + problem);
    }
}
