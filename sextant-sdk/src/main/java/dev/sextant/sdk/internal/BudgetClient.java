package dev.sextant.sdk.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
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
    private static final int MAX_REASON = 300;

    private final URI checkUri;
    private final ExportSettings settings;
    private final HttpClient http;

    /** The server's fields, read as they came; {@code error} set when there is no usable answer. */
    public record Answer(String decision, BigDecimal remainingUsd, List<Applied> budgets, String error) {}

    public record Applied(String id, String name, String scope, String decision, BigDecimal amountUsd,
            BigDecimal spentUsd, BigDecimal remainingUsd) {}

    public BudgetClient(ExportSettings settings) {
        this.settings = settings;
        this.checkUri = settings.ingestUri().resolve("budgets/check");
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    public Answer check(String agentId, String model, BigDecimal estimatedCost) {
        StringBuilder query = new StringBuilder();
        parameter(query, "agent_id", agentId);
        parameter(query, "model", model);
        parameter(query, "estimated_cost_usd", estimatedCost == null ? null : estimatedCost.toPlainString());
        URI uri = URI.create(checkUri + (query.length() == 0 ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey()).header("User-Agent", SdkInfo.USER_AGENT)
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return failed("HTTP " + response.statusCode() + " from " + checkUri + ": "
                        + shorten(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return read(response.body());
        } catch (HttpTimeoutException e) {
            return failed("no answer from " + checkUri + " within " + settings.requestTimeout());
        } catch (IOException e) {
            return failed("cannot reach " + checkUri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while asking " + checkUri);
        }
    }

    private static void parameter(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
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
            return failed("the budget check's answer is not readable JSON: " + shorten(e.getOriginalMessage()));
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

    private static String shorten(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
