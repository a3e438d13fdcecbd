package dev.sextant.sdk.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/v1/budgets/check} on the caller's thread, bounded by the request timeout.
 * Never throws: every failure is an {@link Answer} with an error.
 */
public final class BudgetClient {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final URI checkUri;
    private final ApiExchange api;

    /** The server's fields, read as they came; {@code error} set when there is no usable answer. */
    public record Answer(String decision, BigDecimal remainingUsd, List<Applied> budgets, String error) {}

    public record Applied(String id, String name, String scope, String decision, BigDecimal amountUsd,
            BigDecimal spentUsd, BigDecimal remainingUsd) {}

    public BudgetClient(ExportSettings settings) {
        this.api = new ApiExchange(settings);
        this.checkUri = api.resolve("budgets/check");
    }

    public Answer check(String agentId, String model, BigDecimal estimatedCost) {
        StringBuilder query = new StringBuilder();
        parameter(query, "agent_id", agentId);
        parameter(query, "model", model);
        parameter(query, "estimated_cost_usd", estimatedCost == null ? null : estimatedCost.toPlainString());
        URI uri = URI.create(checkUri + (query.length() == 0 ? "" : "?" + query));
        ApiExchange.Result answer = api.get(uri, checkUri, null);
        if (answer.error() != null) {
            return failed(answer.error());
        }
        return answer.status() != 200 ? failed(answer.statusError()) : read(answer.body());
    }

    private static void parameter(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(ApiExchange.encode(value));
        }
    }

    /** Reads {@code decision}, {@code remaining_usd} and {@code budgets[]}; other fields are skipped. */
    static Answer read(byte[] body) {
        String decision = null;
        BigDecimal remaining = null;
        List<Applied> budgets = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed("the budget check answered something that is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("decision".equals(name) && value == JsonToken.VALUE_STRING) {
                    decision = p.getString();
                } else if ("remaining_usd".equals(name) && value.isNumeric()) {
                    remaining = p.getDecimalValue();
                } else if ("budgets".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        budgets.add(applied(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return failed("the budget check's answer is not readable JSON: "
                    + ApiExchange.shorten(e.getOriginalMessage()));
        }
        return decision == null ? failed("the budget check's answer has no decision")
                : new Answer(decision, remaining, budgets, null);
    }

    private static Applied applied(JsonParser p) {
        String id = null;
        String name = null;
        String scope = null;
        String decision = null;
        BigDecimal amount = null;
        BigDecimal spent = null;
        BigDecimal remaining = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                switch (field) {
                    case "id" -> id = p.getString();
                    case "name" -> name = p.getString();
                    case "scope" -> scope = p.getString();
                    case "decision" -> decision = p.getString();
                    default -> { }
                }
            } else if (value.isNumeric()) {
                switch (field) {
                    case "amount_usd" -> amount = p.getDecimalValue();
                    case "spent_usd" -> spent = p.getDecimalValue();
                    case "remaining_usd" -> remaining = p.getDecimalValue();
                    default -> { }
                }
            } else {
                p.skipChildren();
            }
        }
        return new Applied(id, name, scope, decision, amount, spent, remaining);
    }

    private static Answer failed(String error) {
        return new Answer(null, null, List.of(), error);
    }
}
