package dev.sextant.server.experiments;

import dev.sextant.server.web.TextFields;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentSpec.Variant;
import dev.sextant.store.ExperimentUnitKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An experiment as posted or put (the whole definition each time). Every wrong field is reported
 * at once, naming it ({@code variants[1].allocation}); nothing is stored unless all are right.
 * {@code id} and {@code start} are only for POST.
 */
record ExperimentBody(String id, String name, String hypothesis, String agentId, String unit, List<VariantBody> variants,
        List<String> successMetrics, List<String> guardrails, Long minimumSampleSize, Double minimumDetectableEffect,
        Double baseline, Double alpha, Double power, String correction, Boolean autoConclude, OffsetDateTime startsAt,
        OffsetDateTime endsAt, Boolean start) {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** GET /api/v1/experiments/power is an endpoint, so no experiment may be called that. */
    static final Set<String> RESERVED_IDS = Set.of("power");
    static final int MAX_NAME = 200;
    static final int MAX_HYPOTHESIS = 4000;
    static final int MAX_AGENT_ID = 256;
    static final int MAX_VERSION = 128;
    static final int MIN_VARIANTS = 2;
    static final int MAX_VARIANTS = 10;
    static final long MAX_SAMPLE_SIZE = 1_000_000_000L;

    /** What a valid body says: the id the client chose (null: generate one), the definition, and whether to start now. */
    record Valid(String id, ExperimentSpec spec, boolean start) {}

    Valid validated(WorkspaceId workspace, ConfigurationVersions versions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id != null) {
            if (!SLUG.matcher(id).matches()) {
                problems.add(FieldProblem.field("id", "id must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting"
                        + " with a letter or digit, was '" + shorten(id) + "'"));
            } else if (RESERVED_IDS.contains(id)) {
                problems.add(FieldProblem.field("id", "id '" + id + "' is reserved (GET /api/v1/experiments/" + id
                        + " is an endpoint); choose another"));
            }
        }
        String cleanName = TextFields.text("name", name, MAX_NAME, true, problems);
        String cleanHypothesis = TextFields.text("hypothesis", hypothesis, MAX_HYPOTHESIS, false, problems);
        String cleanAgent = TextFields.text("agent_id", agentId, MAX_AGENT_ID, false, problems);
        ExperimentUnitKind parsedUnit = ExperimentUnitKind.USER_ID;
        if (unit != null) {
            parsedUnit = ExperimentUnitKind.fromWire(unit).orElse(ExperimentUnitKind.USER_ID);
            if (ExperimentUnitKind.fromWire(unit).isEmpty()) {
                problems.add(FieldProblem.field("unit", shorten("unit must be one of user_id, session_id,"
                        + " conversation_id, was '" + unit + "'")));
            }
        }
        List<Variant> parsedVariants = VariantRules.check(variants, workspace, versions, problems);
        List<String> success = metrics("success_metrics", successMetrics, ExperimentMetrics.DEFAULT_SUCCESS, true, problems);
        List<String> guards = metrics("guardrails", guardrails, ExperimentMetrics.DEFAULT_GUARDRAILS, false, problems);
        if (minimumSampleSize != null && (minimumSampleSize < 1 || minimumSampleSize > MAX_SAMPLE_SIZE)) {
            problems.add(FieldProblem.field("minimum_sample_size", "minimum_sample_size is units per variant, from 1 to "
                    + MAX_SAMPLE_SIZE + ", was " + minimumSampleSize));
        }
        if (minimumDetectableEffect != null && (!Double.isFinite(minimumDetectableEffect) || minimumDetectableEffect == 0)) {
            problems.add(FieldProblem.field("minimum_detectable_effect", "minimum_detectable_effect must be a non-zero"
                    + " number (an absolute change of the primary metric), was " + minimumDetectableEffect));
        }
        if (baseline != null && !(baseline > 0 && baseline < 1)) {
            problems.add(FieldProblem.field("baseline", "baseline is the primary rate's current value, strictly between"
                    + " 0 and 1, was " + baseline));
        }
        double a = alpha == null ? 0.05 : alpha;
        if (!(a > 0 && a <= 0.5)) {
            problems.add(FieldProblem.field("alpha", "alpha must be more than 0 and at most 0.5, was " + alpha));
        }
        double pw = power == null ? 0.8 : power;
        if (!(pw >= 0.5 && pw < 1)) {
            problems.add(FieldProblem.field("power", "power must be at least 0.5 and below 1, was " + power));
        }
        ExperimentCorrection parsedCorrection = ExperimentCorrection.HOLM;
        if (correction != null) {
            try {
                parsedCorrection = ExperimentCorrection.fromWire(correction);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field("correction", shorten(e.getMessage())));
            }
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(FieldProblem.field("ends_at", "ends_at (" + endsAt + ") must be after starts_at (" + startsAt + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ExperimentSpec spec = new ExperimentSpec(cleanName, cleanHypothesis, cleanAgent, parsedUnit, parsedVariants,
                success, guards, minimumSampleSize, minimumDetectableEffect, baseline, a, pw, parsedCorrection,
                Boolean.TRUE.equals(autoConclude), startsAt == null ? null : startsAt.toInstant(),
                endsAt == null ? null : endsAt.toInstant());
        return new Valid(id, spec, Boolean.TRUE.equals(start));
    }


    private static List<String> metrics(String field, List<String> given, List<String> fallback, boolean needsOne,
            List<FieldProblem> problems) {
        if (given == null) {
            return fallback;
        }
        if (needsOne && given.isEmpty()) {
            problems.add(FieldProblem.field(field, field + " must name at least one metric (the first is the primary);"
                    + " known: " + String.join(", ", ExperimentMetrics.ALL)));
            return fallback;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String m = given.get(i);
            if (m == null || !ExperimentMetrics.ALL.contains(m)) {
                problems.add(FieldProblem.field(field + "[" + i + "]", "unknown metric '" + shorten(String.valueOf(m))
                        + "'; known: " + String.join(", ", ExperimentMetrics.ALL)));
            } else if (!seen.add(m)) {
                problems.add(FieldProblem.field(field + "[" + i + "]", "metric '" + m + "' is listed twice in " + field));
            }
        }
        return given;
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
