package dev.sextant.server.prices;

import dev.sextant.model.ModelPrice;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A workspace price override as posted. {@code match_pattern} defaults to the model name
 * exactly (case-insensitive); {@code valid_from} defaults to 1970-01-01 so an override also
 * reprices past data.
 */
record NewPrice(
        String model,
        String provider,
        String matchPattern,
        LocalDate validFrom,
        LocalDate validTo,
        Long abovePromptTokens,
        BigDecimal input,
        BigDecimal output,
        BigDecimal cacheRead,
        BigDecimal cacheWrite,
        BigDecimal reasoning) {
    static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);
    private static final int MAX_TEXT = 256;

    ModelPrice validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (model == null || model.isBlank()) {
            problems.add(FieldProblem.field("model", "model is required, e.g. 'gpt-4o'"));
        } else if (model.length() > MAX_TEXT) {
            problems.add(FieldProblem.field("model", "model is " + model.length() + " characters, over the limit of " + MAX_TEXT));
        }
        String pattern = matchPattern != null ? matchPattern : model == null ? null : "^" + Pattern.quote(model) + "$";
        if (matchPattern != null) {
            if (matchPattern.length() > MAX_TEXT) {
                problems.add(FieldProblem.field("match_pattern", "match_pattern is over the limit of " + MAX_TEXT + " characters"));
            } else {
                try {
                    Pattern.compile(matchPattern, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    problems.add(FieldProblem.field("match_pattern", "match_pattern is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex()));
                }
            }
        }
        required(problems, "input", input);
        required(problems, "output", output);
        nonNegative(problems, "input", input);
        nonNegative(problems, "output", output);
        nonNegative(problems, "cache_read", cacheRead);
        nonNegative(problems, "cache_write", cacheWrite);
        nonNegative(problems, "reasoning", reasoning);
        if (abovePromptTokens != null && abovePromptTokens < 0) {
            problems.add(FieldProblem.field("above_prompt_tokens", "above_prompt_tokens must not be negative, was " + abovePromptTokens));
        }
        LocalDate from = validFrom == null ? ALWAYS : validFrom;
        if (validTo != null && !validTo.isAfter(from)) {
            problems.add(FieldProblem.field("valid_to", "valid_to (" + validTo + ") must be after valid_from (" + from + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ModelPrice(model.strip(), provider, pattern, from, validTo,
                abovePromptTokens == null ? 0 : abovePromptTokens, input, output, cacheRead, cacheWrite, reasoning);
    }

    private static void required(List<FieldProblem> problems, String name, BigDecimal value) {
        if (value == null) {
            problems.add(FieldProblem.field(name, name + " is required: USD per 1M tokens"));
        }
    }

    private static void nonNegative(List<FieldProblem> problems, String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(FieldProblem.field(name, name + " must not be negative, was " + value.toPlainString()));
        }
    }
}
